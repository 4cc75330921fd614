import Foundation

/// Runs and the audit log: what each job did, and every API call made.
public protocol RunStorage: AnyObject, Sendable {
    /// Records that `job` started a run on `channel` (nil while unresolved); returns the run's id.
    func beginRun(job: String, channel: Int64?, startedAt: Date) throws(ArchiveError) -> Int64
    /// Records the channel run `id` works on, once it is resolved.
    func setRunChannel(id: Int64, channel: Int64) throws(ArchiveError)
    /// Records how run `id` ended.
    func finishRun(id: Int64, outcome: RunOutcome) throws(ArchiveError)
    /// Marks runs still `running` as `interrupted`; returns how many were marked.
    @discardableResult
    func markInterruptedRuns(at now: Date) throws(ArchiveError) -> Int
    /// The latest run of `job` on `channel`.
    func lastRun(job: String, channel: Int64) throws(ArchiveError) -> RunRecord?
    /// When `job` last started a run that its process did not die in, on any channel.
    func lastRunStart(job: String) throws(ArchiveError) -> Date?
    /// The error of `job`'s latest finished run before run `runID` (nil if it succeeded or there is none).
    func previousFailure(job: String, before runID: Int64) throws(ArchiveError) -> String?
    /// How many of `job`'s latest finished runs in a row were deferred.
    func consecutiveDeferrals(job: String) throws(ArchiveError) -> Int
    /// Appends API calls to the audit log in one transaction.
    func appendAudit(_ entries: [AuditRecord]) throws(ArchiveError)
}
