/// How a run ended.
public enum RunStatus: String, Codable, Sendable {
    /// Still running (or killed before it could record its end; see `ArchiveStore.markInterruptedRuns`).
    case running
    /// Finished its work.
    case succeeded
    /// Stopped early by the governor (budget spent, cool-down); `deferralReason` says why.
    case deferred
    /// Stopped by an error.
    case failed
    /// Found still `running` after the process that ran it had gone.
    case interrupted
}
