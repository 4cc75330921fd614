/// A sliding-window budget for one method: at most `limit` calls in any `window` seconds.
public struct FloodRule: Sendable, Equatable {
    /// Calls allowed per window.
    public var limit: Int
    /// The window length in seconds.
    public var window: Double
    /// Whether calls during a refusal double the remaining wait (Telegram does this for username resolution).
    public var escalates: Bool

    /// Creates a rule.
    public init(limit: Int, window: Double, escalates: Bool = false) {
        self.limit = limit
        self.window = window
        self.escalates = escalates
    }
}

/// Per-method flood budgets, applied per account; methods without a rule are never limited.
public struct FloodPolicy: Sendable, Equatable {
    /// Rules by TL method name (e.g. `messages.getHistory`).
    public var rules: [String: FloodRule]
    /// The bytes `upload.getFile` serves an account per window before answering `FLOOD_PREMIUM_WAIT_X`
    /// (Telegram's download speed limit for accounts without Premium); nil for no limit.
    public var downloadBytes: FloodRule?

    /// Creates a policy from its rules.
    public init(rules: [String: FloodRule], downloadBytes: FloodRule? = nil) {
        self.rules = rules
        self.downloadBytes = downloadBytes
    }

    /// No limits, for benchmarks.
    public static let off = FloodPolicy(rules: [:])

    /// Budgets resembling Telegram's: 30 history pages (and 30 thread pages) per 30 s, 5 username resolutions per 5 min
    /// with escalating waits, 600 file parts per minute and 256 MiB of downloads per minute.
    public static let telegramLike = FloodPolicy(
        rules: [
            "messages.getHistory": FloodRule(limit: 30, window: 30),
            "messages.getReplies": FloodRule(limit: 30, window: 30),
            "channels.getMessages": FloodRule(limit: 30, window: 30),
            "updates.getChannelDifference": FloodRule(limit: 30, window: 30),
            "contacts.resolveUsername": FloodRule(limit: 5, window: 300, escalates: true),
            "upload.getFile": FloodRule(limit: 600, window: 60),
        ],
        downloadBytes: FloodRule(limit: 256 << 20, window: 60))
}
