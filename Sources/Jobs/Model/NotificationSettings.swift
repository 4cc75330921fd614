/// The `notifications:` block of the settings: where alerts go and when they are worth sending.
public struct NotificationSettings: Hashable, Sendable {
    /// The environment variable holding the Telegram bot's token (a secret: never in settings.yaml).
    public static let botTokenEnvironmentKey = "TGCRON_BOT_TOKEN"

    /// The chat the bot writes to: a numeric id or `@channelname` (nil: no Telegram notifications).
    public var botChatID: String?
    /// The Bot API's base URL.
    public var botAPIURL: String
    /// A URL to POST JSON notifications to (nil: no webhook).
    public var webhookURL: String?
    /// Deferred runs in a row before a deferral is notified.
    public var deferralsThreshold: Int
    /// The shortest FLOOD_WAIT worth a notification.
    public var floodWaitThreshold: Duration
    /// The least time between two notifications of one kind about one job.
    public var minInterval: Duration

    /// Notification settings; the defaults match `config/settings.yaml`.
    public init(botChatID: String? = nil, botAPIURL: String = "https://api.telegram.org", webhookURL: String? = nil,
                deferralsThreshold: Int = 3, floodWaitThreshold: Duration = .seconds(600),
                minInterval: Duration = .seconds(3600)) {
        self.botChatID = botChatID
        self.botAPIURL = botAPIURL
        self.webhookURL = webhookURL
        self.deferralsThreshold = deferralsThreshold
        self.floodWaitThreshold = floodWaitThreshold
        self.minInterval = minInterval
    }
}
