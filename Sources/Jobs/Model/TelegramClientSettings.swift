/// The `telegram_client:` block of the settings: the account's API app and how gently to use it.
public struct TelegramClientSettings: Hashable, Sendable {
    /// The API app id (my.telegram.org); `TELEGRAM_CLIENT_API_ID` in the environment overrides it.
    public var apiID: Int32?
    /// The shortest gap between two requests of a kind, to look like a person (gaps are drawn around the
    /// governed rate, never under this).
    public var humanDelayMin: Duration
    /// The longest gap drawn between two requests of a kind.
    public var humanDelayMax: Duration
    /// The longest `FLOOD_WAIT` to sit out; a longer one ends the run instead.
    public var floodWaitMax: Duration
    /// How often an idle connection is checked with a ping.
    public var connectionCheckInterval: Duration
    /// A server to connect to instead of Telegram's (the sandbox DC, for example).
    public var server: ServerAddress?
    /// The data center to start with; nil for Telegram's default.
    public var dc: Int?
    /// PEM files with the server's RSA public keys, for a server other than Telegram's.
    public var publicKeys: [String]
    /// A running sandbox's data folder (`tgcron sandbox serve --data DIR`): its `sandbox.json` gives the
    /// server, ports and public key, instead of `server` and `public_keys`.
    public var sandbox: String?
    /// How the connection frames its bytes.
    public var transport: TransportChoice = .obfuscatedPaddedIntermediate
    /// Caps applying to every run, unless a job sets lower ones.
    public var limits: Limits
    /// The account's warm-up budget; nil for none.
    public var warmup: Warmup?
    /// Whether calls go through the rate governor (`rate_governor`); turning it off is only accepted together
    /// with `server`, for servers one runs (the sandbox, benchmarks).
    public var rateGovernor = true
    /// The proxy every connection goes through (`proxy`), or nil to connect directly.
    public var proxy: ProxySetting?

    /// Default gap bounds and waits: 0.5s-3s between requests, flood waits up to 300s (the client library's
    /// `FloodWaitMiddleware.defaultMaxWait`; a test keeps the two equal), pings every 60s.
    public init(apiID: Int32? = nil, humanDelayMin: Duration = .milliseconds(500), humanDelayMax: Duration = .seconds(3),
                floodWaitMax: Duration = .seconds(300), connectionCheckInterval: Duration = .seconds(60),
                server: ServerAddress? = nil, dc: Int? = nil, publicKeys: [String] = [], limits: Limits = Limits(),
                warmup: Warmup? = nil) {
        self.apiID = apiID
        self.humanDelayMin = humanDelayMin
        self.humanDelayMax = humanDelayMax
        self.floodWaitMax = floodWaitMax
        self.connectionCheckInterval = connectionCheckInterval
        self.server = server
        self.dc = dc
        self.publicKeys = publicKeys
        self.limits = limits
        self.warmup = warmup
    }
}
