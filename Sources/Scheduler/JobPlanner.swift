import Client
import Foundation
import Harvester
import Jobs
import Timekeeping

/// Turns a job (and the account's settings) into the plan of one run starting at a given instant.
public struct JobPlanner: Sendable {
    /// The account's settings (default limits).
    public var settings: Settings

    /// A planner with `settings`.
    public init(settings: Settings) {
        self.settings = settings
    }

    /// The plan of `job`'s run starting at `now`: its window resolved, the lower of the job's and the
    /// account's limits, and the end of its run window.
    public func plan(_ job: Job, now: Date) -> HarvestPlan {
        let window = HarvestWindow(
            since: job.window.since?.resolve(now: now, in: job.timeZone),
            until: job.window.until?.resolve(now: now, in: job.timeZone),
            minID: job.window.minID, maxID: job.window.maxID)
        let account = settings.telegramClient.limits
        let duration = Self.lower(job.limits.duration, account.duration)
        let limits = RunLimits(
            messages: Self.lower(job.limits.messages, account.messages),
            requests: Self.lower(job.limits.requests, account.requests),
            durationEnd: duration.map { now.addingTimeInterval($0.timeInterval) },
            runWindowEnd: job.runWindow?.closing(after: now, in: job.timeZone))
        return HarvestPlan(job: job.name, channel: Self.reference(job.channel), window: window,
                           refresh: job.refresh?.timeInterval, limits: limits, media: media(job),
                           comments: job.comments,
                           joinDelay: HarvestPlan.joinDelay(humanDelayMax: settings.telegramClient.humanDelayMax))
    }

    /// The media downloads `job` asks for, with the account's store, speed and daily byte budget.
    public func media(_ job: Job) -> MediaPlan? {
        guard let rule = job.media else { return nil }
        let budget = settings.telegramClient.warmup.flatMap { warmup in
            warmup.mediaDay1.map {
                MediaByteBudget(day1: $0, growth: warmup.growth, cap: warmup.mediaCap, timeZone: job.timeZone)
            }
        }
        return MediaPlan(filter: rule, root: mediaRoot,
                         options: DownloadOptions(parallelParts: settings.media.parallel,
                                                  connections: min(2, settings.media.parallel)),
                         maxRate: settings.media.maxRate, budget: budget)
    }

    /// `media.root`, or `media/` beside the archive database.
    public var mediaRoot: String {
        if let root = settings.media.root { return root }
        let folder = (settings.archive.database as NSString).deletingLastPathComponent
        return folder.isEmpty ? "media" : "\(folder)/media"
    }

    /// The client's reference for a job's channel.
    public static func reference(_ channel: ChannelRef) -> PeerReference {
        switch channel {
        case .username(let name): .username(name)
        case .id(let id): .channelID(id)
        case .invite(let hash): .invite(hash)
        }
    }

    private static func lower<T: Comparable>(_ first: T?, _ second: T?) -> T? {
        switch (first, second) {
        case (let a?, let b?): min(a, b)
        case (let a?, nil): a
        case (nil, let b): b
        }
    }
}
