import Archive
import Client
import Foundation
import Harvester
import Jobs
import Timekeeping

/// Decides which jobs are due and runs them, interleaved page by page so a huge backfill never starves
/// the small incremental jobs that are due with it. Every run goes through the job's own pipeline (and so
/// through the one rate governor every job shares).
public struct Scheduler: Sendable {
    /// What the scheduler works with.
    public let environment: SchedulerEnvironment

    /// A scheduler over `environment`.
    public init(environment: SchedulerEnvironment) {
        self.environment = environment
    }

    private var store: any ArchiveStorage { environment.store }
    private var now: Date { Date(timeIntervalSince1970: environment.clock.now()) }

    /// The enabled jobs due at `now`: a scheduled time passed since their last run (once however many
    /// passed), and their run window, if any, is open.
    public func dueJobs(_ jobs: [Job], now: Date) throws(ArchiveError) -> [Job] {
        var due: [Job] = []
        for job in jobs where job.enabled {
            let last = try store.lastRunStart(job: job.name)
            guard job.schedule.isDue(lastRun: last, now: now, in: job.timeZone) else { continue }
            if let window = job.runWindow, !window.contains(now, in: job.timeZone) { continue }
            due.append(job)
        }
        return due
    }

    /// When the next enabled job is due at the earliest (run windows considered), or nil if none ever is.
    public func nextDue(_ jobs: [Job], now: Date) throws(ArchiveError) -> Date? {
        var earliest: Date?
        for job in jobs where job.enabled {
            let last = try store.lastRunStart(job: job.name)
            guard var due = job.schedule.nextDue(lastRun: last, now: now, in: job.timeZone) else { continue }
            if let window = job.runWindow { due = window.nextOpening(after: due, in: job.timeZone) }
            earliest = min(earliest ?? due, due)
        }
        return earliest
    }

    /// Runs `jobs` now, interleaved one page at a time, each starting after its jitter when `jitter` is set.
    /// Runs left `running` by a dead process are marked interrupted first, so call this holding the
    /// account lock. Returns when every run has ended, or soon after `stop` is raised.
    public func run(_ jobs: [Job], stop: StopSignal, jitter: Bool = true) async -> RunReport {
        var report = RunReport(outcomes: [])
        let startedAt = now
        do {
            try store.markInterruptedRuns(at: startedAt)
        } catch {
            return RunReport(outcomes: jobs.map { failedOutcome($0, error: error) })
        }
        var active: [ActiveRun] = []
        for job in jobs {
            do {
                let runID = try store.beginRun(job: job.name, channel: nil, startedAt: startedAt)
                let meter = RunMeter()
                let plan = environment.planner.plan(job, now: startedAt)
                var harvest = ChannelHarvest(plan: plan, invoker: environment.invoker(job.name, meter),
                                             peerCache: environment.peerCache, store: store,
                                             clock: environment.clock, meter: meter,
                                             downloader: plan.media == nil ? nil : environment.downloader?(job.name))
                harvest.mediaProgress = environment.mediaProgress
                let delay = jitter ? job.startDelay(forRunScheduledAt: fireTime(of: job, now: startedAt)).timeInterval : 0
                active.append(ActiveRun(job: job, runID: runID, harvest: harvest, startAt: startedAt.addingTimeInterval(delay)))
                await environment.hooks.runStarted(job: job, runID: runID)
            } catch {
                report.outcomes.append(failedOutcome(job, error: error))
            }
        }
        let current = StepSlot()
        let watcher = Task { [grace = environment.stopGrace] in
            while !stop.isRaised { try await Task.sleep(for: .milliseconds(100)) }
            try await Task.sleep(for: grace)
            current.cancel()
        }
        defer { watcher.cancel() }
        while !active.isEmpty {
            if stop.isRaised {
                for index in active.indices { await finish(&active[index], stop: .deferred(.stopRequested), into: &report) }
                break
            }
            if let damage = store.damage {
                let message = ArchiveError.corrupt(path: store.path, reason: damage).description
                for index in active.indices { await finish(&active[index], stop: .failed(message), into: &report) }
                break
            }
            let ready = active.indices.filter { active[$0].startAt <= now }
            if ready.isEmpty {
                let wake = active.map(\.startAt).min() ?? now
                try? await environment.clock.sleep(seconds: min(wake.timeIntervalSince(now), 1))
                continue
            }
            for index in ready {
                if stop.isRaised { break }
                await step(&active[index], slot: current, into: &report)
                if case .accountRefused(let reason)? = report.outcomes.last?.stop {
                    // No job of a refused account may call again: the others stop here, unstepped.
                    for other in active.indices where !active[other].ended {
                        await finish(&active[other], stop: .accountRefused(reason), into: &report)
                    }
                    await environment.hooks.accountRefused(reason: reason)
                    return report
                }
            }
            active.removeAll { $0.ended }
        }
        return report
    }

    /// The scheduled time that made `job` due (its first fire after the last run), or `now` for a first run.
    private func fireTime(of job: Job, now: Date) -> Date {
        guard let last = try? store.lastRunStart(job: job.name),
              let fire = job.schedule.nextFire(after: last, in: job.timeZone, anchor: last) else { return now }
        return min(fire, now)
    }

    /// One step of `run`, in a task `slot` can cancel: a stop that the current page does not honour within
    /// the grace period (a dead server, a long retry) cancels its request, never a commit.
    private func step(_ run: inout ActiveRun, slot: StepSlot, into report: inout RunReport) async {
        let hadChannel = run.harvest.peer != nil
        let harvest = run.harvest
        let task = Task {
            var stepping = harvest
            let result = await stepping.step()
            return (stepping, result)
        }
        slot.hold(task)
        let (stepped, result) = await task.value
        slot.hold(nil)
        run.harvest = stepped
        if !hadChannel, let channel = run.harvest.peer?.id { try? store.setRunChannel(id: run.runID, channel: channel) }
        switch result {
        case .progressed:
            await environment.hooks.progressed(job: run.job, runID: run.runID, tally: run.harvest.tally,
                                               checkpoint: run.harvest.checkpoint)
        case .stopped(let stop):
            await finish(&run, stop: stop, into: &report)
        }
    }

    private func finish(_ run: inout ActiveRun, stop: HarvestStop, into report: inout RunReport) async {
        run.ended = true
        let tally = run.harvest.tally
        let outcome = JobOutcome(job: run.job.name, runID: run.runID, channelID: run.harvest.peer?.id, stop: stop, tally: tally)
        var record = RunOutcome(status: .succeeded, endedAt: now, messagesNew: tally.new,
                                messagesUpdated: tally.updated + tally.deleted, requests: tally.requests,
                                floodWaits: tally.floodWaits)
        switch stop {
        case .completed: break
        case .limitReached(let limit): record.deferralReason = "stopped at the \(limit) limit"
        case .deferred(let deferral):
            record.status = .deferred
            record.deferralReason = deferral.description
        case .failed(let message), .accountRefused(let message):
            record.status = .failed
            record.error = message
        }
        var final = outcome
        do {
            try store.finishRun(id: run.runID, outcome: record)
        } catch {
            final.stop = .failed("the run's end could not be recorded: \(error)")
        }
        report.outcomes.append(final)
        await environment.hooks.runFinished(job: run.job, outcome: final)
    }

    private func failedOutcome(_ job: Job, error: any Error) -> JobOutcome {
        JobOutcome(job: job.name, runID: 0, channelID: nil, stop: .failed("\(error)"), tally: HarvestTally())
    }
}

/// The task of the step in progress, for the stop watcher to cancel.
private final class StepSlot: @unchecked Sendable {
    private let lock = NSLock()
    private var task: Task<(ChannelHarvest, HarvestStep), Never>?

    func hold(_ task: Task<(ChannelHarvest, HarvestStep), Never>?) {
        lock.withLock { self.task = task }
    }

    func cancel() {
        lock.withLock { task?.cancel() }
    }
}

/// One run in progress.
private struct ActiveRun {
    let job: Job
    let runID: Int64
    var harvest: ChannelHarvest
    let startAt: Date
    var ended = false
}
