import Archive
import Harvester
import Jobs

/// What the scheduler tells the rest of the program as runs go: logs, the TTY progress line,
/// notifications, metrics and sinks hang off these calls.
public protocol SchedulerHooks: Sendable {
    /// A run of `job` began, recorded as `runID`.
    func runStarted(job: Job, runID: Int64) async
    /// A run committed a page: its totals and checkpoint so far.
    func progressed(job: Job, runID: Int64, tally: HarvestTally, checkpoint: Checkpoint) async
    /// A run ended.
    func runFinished(job: Job, outcome: JobOutcome) async
    /// Telegram refused the account for good (`reason`); every run of the pass has been stopped.
    func accountRefused(reason: String) async
    /// Watch mode polled `job`'s channel and archived what `tally` counts (often nothing).
    func watched(job: Job, tally: WatchTally) async
    /// Watch mode could not poll `job`'s channel this round.
    func watchFailed(job: Job, error: any Error) async
    /// A watch round ended; `archivedChanges` says whether any poll archived something.
    func watchRoundEnded(archivedChanges: Bool) async
}

extension SchedulerHooks {
    /// By default, nothing beyond the runs' own `runFinished`.
    public func accountRefused(reason: String) async {}
}

/// Hooks that do nothing.
public struct NoSchedulerHooks: SchedulerHooks {
    /// Silent hooks.
    public init() {}
    public func runStarted(job: Job, runID: Int64) async {}
    public func progressed(job: Job, runID: Int64, tally: HarvestTally, checkpoint: Checkpoint) async {}
    public func runFinished(job: Job, outcome: JobOutcome) async {}
    public func watched(job: Job, tally: WatchTally) async {}
    public func watchFailed(job: Job, error: any Error) async {}
    public func watchRoundEnded(archivedChanges: Bool) async {}
}
