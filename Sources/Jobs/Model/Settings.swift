/// Account-level settings (`config/settings.yaml`): how to talk to Telegram, where the archive
/// lives and how to log. Every key is optional; missing ones take the defaults shown here.
public struct Settings: Hashable, Sendable {
    /// The `telegram_client:` block.
    public var telegramClient: TelegramClientSettings
    /// The `archive:` block.
    public var archive: ArchiveSettings
    /// The `log:` block.
    public var log: LogSettings

    /// Settings with every default.
    public init(telegramClient: TelegramClientSettings = TelegramClientSettings(),
                archive: ArchiveSettings = ArchiveSettings(), log: LogSettings = LogSettings()) {
        self.telegramClient = telegramClient
        self.archive = archive
        self.log = log
    }
}
