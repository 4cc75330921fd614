import Archive
import Foundation
import Jobs
import Scheduler

/// `run --dry-run`: which jobs would run now and with what plan, reading the archive only if it exists.
enum DryRun {
    static func print(_ jobs: [Job], context: AppContext, forced: Bool) throws {
        let now = Date()
        let store = FileManager.default.fileExists(atPath: context.databasePath)
            ? try? ArchiveStore(path: context.databasePath, readOnly: true) : nil
        let planner = JobPlanner(settings: context.settings)
        for job in jobs {
            let last = try? store?.lastRunStart(job: job.name)
            let due = forced || (job.enabled && job.schedule.isDue(lastRun: last, now: now, in: job.timeZone)
                && (job.runWindow?.contains(now, in: job.timeZone) ?? true))
            let plan = planner.plan(job, now: now)
            let state = switch (job.enabled, due) {
            case (true, true): "due"
            case (true, false): "not due"
            case (false, true): "runs now although disabled (named with --job)"
            case (false, false): "disabled: never due (only `--job \(job.name)` runs it)"
            }
            var parts = ["\(job.name): \(state)", "channel \(job.channel)"]
            if let since = plan.window.since { parts.append("since \(since)") }
            if let until = plan.window.until { parts.append("until \(until)") }
            if let messages = plan.limits.messages { parts.append("max \(messages) messages") }
            if let requests = plan.limits.requests { parts.append("max \(requests) requests") }
            if let end = plan.limits.durationEnd { parts.append("stops by \(end)") }
            if let end = plan.limits.runWindowEnd { parts.append("run window closes \(end)") }
            if job.enabled, !due, let next = job.schedule.nextDue(lastRun: last, now: now, in: job.timeZone) {
                parts.append("next due \(next)")
            }
            Swift.print(parts.joined(separator: ", "))
        }
    }
}
