import Harvester
import Jobs

extension Scheduler {
    /// One round of watch mode: each enabled job's channel polled once for updates (new posts, edits,
    /// deletions) through the job's governed pipeline, committed as they arrive. Each poll and the round's
    /// end are told to the hooks; a failed poll is reported and the next round retries it.
    public func watchRound(_ jobs: [Job], stop: StopSignal) async {
        var changed = false
        for job in jobs where job.enabled && !stop.isRaised {
            var watch = ChannelWatch(
                job: job.name, channel: JobPlanner.reference(job.channel), invoker: environment.invoker(job.name, RunMeter()),
                peerCache: environment.peerCache, store: environment.store, clock: environment.clock)
            watch.media = job.media
            do {
                let tally = try await watch.poll()
                changed = changed || tally.changedArchive
                await environment.hooks.watched(job: job, tally: tally)
            } catch {
                await environment.hooks.watchFailed(job: job, error: error)
            }
        }
        await environment.hooks.watchRoundEnded(archivedChanges: changed)
    }
}
