/// Account-level settings (`config/settings.yaml`): how to talk to Telegram, where the archive
/// lives, how to log, and the optional
/// operations blocks (notifications, Redis, metrics). Every key is optional; missing ones take the defaults shown here.
public struct Settings: Hashable, Sendable {
    /// The `telegram_client:` block.
    public var telegramClient: TelegramClientSettings
    /// The `archive:` block.
    public var archive: ArchiveSettings
    /// The `log:` block.
    public var log: LogSettings
    /// The `notifications:` block (nil: no notifications).
    public var notifications: NotificationSettings?
    /// The `redis:` block (nil: no Redis publishing).
    public var redis: RedisSettings?
    /// The `metrics:` block (nil: no metrics).
    public var metrics: MetricsSettings?
    /// The `media:` block: the file store and download speed.
    public var media: MediaSettings
    /// The `accounts:` list: the named accounts besides the default one.
    public var accounts: [AccountSettings]
    /// The `runners:` block: account leases of runners sharing one archive.
    public var runners = RunnerSettings()

    /// Settings with every default.
    public init(telegramClient: TelegramClientSettings = TelegramClientSettings(),
                archive: ArchiveSettings = ArchiveSettings(), log: LogSettings = LogSettings(),
                notifications: NotificationSettings? = nil, redis: RedisSettings? = nil, metrics: MetricsSettings? = nil,
                media: MediaSettings = MediaSettings(), accounts: [AccountSettings] = []) {
        self.telegramClient = telegramClient
        self.archive = archive
        self.log = log
        self.notifications = notifications
        self.redis = redis
        self.metrics = metrics
        self.media = media
        self.accounts = accounts
    }

    /// Every account's name: the default one first, then the declared ones in order.
    public var accountNames: [String] {
        [AccountSettings.defaultName] + accounts.map(\.name)
    }
}
