import Foundation
import Harvester
import Jobs
import Logging
import Scheduler

/// One round of watch mode: every enabled job's channel polled once for updates through the job's governed
/// pipeline, then the metrics file and sinks brought up to date. Errors are logged; the next round retries.
struct WatchRound: Sendable {
    let jobs: [Job]
    let scheduler: Scheduler
    let hooks: OperationsHooks
    let logger: Logger
    let stop: StopSignal

    func poll() async {
        let environment = scheduler.environment
        var changed = false
        for job in jobs where !stop.isRaised {
            var watch = ChannelWatch(
                job: job.name, channel: JobPlanner.reference(job.channel), invoker: environment.invoker(job.name, RunMeter()),
                peerCache: environment.peerCache, store: environment.store, clock: environment.clock)
            watch.media = job.media
            do {
                let tally = try await watch.poll()
                if tally.new + tally.updated + tally.deleted > 0 {
                    changed = true
                    logger.info("watch: updates archived", metadata: [
                        "job": "\(job.name)", "new": "\(tally.new)", "updated": "\(tally.updated)", "deleted": "\(tally.deleted)",
                    ])
                }
            } catch {
                logger.warning("watch: \(error)", metadata: ["job": "\(job.name)"])
            }
        }
        if changed { await hooks.changesCommitted() }
    }
}
