/// The kinds of events, as webhooks receive them in `event`.
public enum NotificationKind: String, Sendable, Hashable, CaseIterable {
    /// A run failed.
    case jobFailed = "job_failed"
    /// Runs were deferred repeatedly.
    case jobDeferred = "job_deferred"
    /// A long FLOOD_WAIT.
    case floodWait = "flood_wait"
    /// Telegram refused the account for good.
    case accountRefused = "account_refused"
    /// The archive is damaged and refuses writes.
    case archiveDamaged = "archive_damaged"
}
