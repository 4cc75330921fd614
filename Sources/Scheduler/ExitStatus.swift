/// The process exit codes of `run`, `daemon` and `backfill`, from sysexits.h so cron and systemd can tell
/// them apart.
public enum ExitStatus: Int32, Sendable, Comparable {
    /// Everything due was done.
    case success = 0
    /// Something failed.
    case failure = 1
    /// Something was deferred and will resume later: a flood wait over the maximum, a spent budget, the
    /// end of a run window, or the account lock held by another run (`EX_TEMPFAIL`).
    case deferred = 75
    /// Telegram refused the account for good (banned, session revoked, key retired): nothing works until
    /// `tgcron login` succeeds (`EX_NOPERM`).
    case noPermission = 77
    /// A job file or the settings are invalid (`EX_CONFIG`).
    case configuration = 78

    /// Orders codes by severity: success < deferred < failure < noPermission < configuration.
    public static func < (lhs: ExitStatus, rhs: ExitStatus) -> Bool {
        lhs.severity < rhs.severity
    }

    private var severity: Int {
        switch self {
        case .success: 0
        case .deferred: 1
        case .failure: 2
        case .noPermission: 3
        case .configuration: 4
        }
    }
}
