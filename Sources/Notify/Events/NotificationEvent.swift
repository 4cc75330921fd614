/// Something an operator should hear about.
public enum NotificationEvent: Sendable, Equatable {
    /// A job's run stopped with an error.
    case jobFailed(job: String, error: String)
    /// The governor deferred a job's run `consecutive` times in a row.
    case jobDeferred(job: String, consecutive: Int, reason: String?)
    /// Telegram asked the account to wait `seconds` (FLOOD_WAIT), during `job` if known.
    case floodWait(job: String?, seconds: Int)
    /// Telegram refused the account for good (banned, session revoked); nothing runs until a new login.
    case accountRefused(reason: String)
    /// The archive at `path` is damaged; nothing more is written to it until it is recovered.
    case archiveDamaged(path: String, reason: String)

    /// Which kind of event this is, the rate limit's unit together with `subject`.
    public var kind: NotificationKind {
        switch self {
        case .jobFailed: .jobFailed
        case .jobDeferred: .jobDeferred
        case .floodWait: .floodWait
        case .archiveDamaged: .archiveDamaged
        case .accountRefused: .accountRefused
        }
    }

    /// The job the event concerns, or `account` for a flood wait outside any job.
    public var subject: String {
        switch self {
        case let .jobFailed(job, _), let .jobDeferred(job, _, _): job
        case let .floodWait(job, _): job ?? "account"
        case let .archiveDamaged(path, _): path
        case .accountRefused: "account"
        }
    }

    /// One line for people, before secrets are redacted.
    public var text: String {
        switch self {
        case let .jobFailed(job, error): "tgcron: job \(job) failed: \(error)"
        case let .jobDeferred(job, consecutive, reason):
            "tgcron: job \(job) deferred \(consecutive) times in a row" + (reason.map { " (\($0))" } ?? "")
        case let .floodWait(job, seconds):
            "tgcron: Telegram asked the account to wait \(seconds)s (FLOOD_WAIT)" + (job.map { " during job \($0)" } ?? "")
        case let .accountRefused(reason):
            "tgcron: \(reason); every job of the account is stopped until `tgcron login` succeeds"
        case let .archiveDamaged(path, reason):
            "tgcron: the archive \(path) is damaged (\(reason)); nothing more is written to it: "
                + "run `tgcron archive recover --out NEW` and use the new file"
        }
    }
}
