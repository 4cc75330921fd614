import Foundation
import Jobs

/// `tgcron daemon`: runs jobs as they fall due and sleeps in between, until stopped. A stop (SIGTERM,
/// SIGINT) ends the current pages, commits them and returns: within a second while idle, within one
/// page while running.
public struct Daemon: Sendable {
    /// Runs the passes.
    public let scheduler: Scheduler
    /// The jobs it keeps.
    public let jobs: [Job]
    /// The longest it sleeps at once, so a stop is noticed soon (seconds).
    public var tick: Double = 1
    /// How long it sleeps when no job will ever be due again, before looking again (seconds).
    public var idleRecheck: Double = 60
    /// Watch mode: between passes, follow the jobs' channels through their updates this often (seconds);
    /// nil for none.
    public var watchInterval: Double?

    /// A daemon running `jobs` with `scheduler`.
    public init(scheduler: Scheduler, jobs: [Job]) {
        self.scheduler = scheduler
        self.jobs = jobs
    }

    /// Runs until `stop` is raised; `afterPass` hears each pass's report (logs, metrics). Returns the exit
    /// code: success when stopped, failure if the archive became unreadable.
    public func run(stop: StopSignal, afterPass: @Sendable (RunReport) async -> Void = { _ in }) async -> ExitStatus {
        let clock = scheduler.environment.clock
        var nextWatch = clock.now()
        while !stop.isRaised {
            let now = Date(timeIntervalSince1970: clock.now())
            let due: [Job]
            let next: Date?
            do {
                due = try scheduler.dueJobs(jobs, now: now)
                next = due.isEmpty ? try scheduler.nextDue(jobs, now: now) : now
            } catch {
                return .failure
            }
            if !due.isEmpty {
                let report = await scheduler.run(due, stop: stop)
                await afterPass(report)
                if report.exitCode == .noPermission { return .noPermission }
                // A pass always leaves a run record, so the same jobs are not due again at once; the pause
                // keeps a broken archive from turning this loop into a busy one.
                try? await clock.sleep(seconds: tick)
                continue
            }
            if let watchInterval, clock.now() >= nextWatch {
                await scheduler.watchRound(jobs, stop: stop)
                nextWatch = clock.now() + watchInterval
                continue
            }
            var wake = next ?? now.addingTimeInterval(idleRecheck)
            if watchInterval != nil { wake = min(wake, Date(timeIntervalSince1970: nextWatch)) }
            try? await clock.sleep(seconds: max(min(wake.timeIntervalSince(now), tick), 0.001))
        }
        return .success
    }
}
