import Client
import Foundation
import Jobs
import Timekeeping

/// What one run of one job archives, resolved for that run.
public struct HarvestPlan: Sendable {
    /// The job's name (checkpoints are kept per job and channel).
    public var job: String
    /// The channel, as the job names it.
    public var channel: PeerReference
    /// Which messages to archive.
    public var window: HarvestWindow
    /// How far back to re-read archived messages for edits and deletions (nil: no refresh).
    public var refresh: TimeInterval?
    /// When to stop.
    public var limits: RunLimits
    /// Which media to download and how; nil for none.
    public var media: MediaPlan?
    /// Whether to archive the comments too: the channel's linked discussion group, read like a channel with
    /// its own checkpoint after the channel's pages.
    public var comments: Bool
    /// The pause before joining a chat by invite link, in seconds (a person reads the invite first).
    public var joinDelay: ClosedRange<TimeInterval>

    /// A plan.
    public init(job: String, channel: PeerReference, window: HarvestWindow = HarvestWindow(),
                refresh: TimeInterval? = nil, limits: RunLimits = RunLimits(), media: MediaPlan? = nil,
                comments: Bool = false,
                joinDelay: ClosedRange<TimeInterval> = joinDelay(humanDelayMax: TelegramClientSettings().humanDelayMax)) {
        self.job = job
        self.channel = channel
        self.window = window
        self.refresh = refresh
        self.limits = limits
        self.media = media
        self.comments = comments
        self.joinDelay = joinDelay
    }

    /// The pause before joining by invite link: one to four times `human_delay_max` (3-12 s by default), the time
    /// a person takes to read an invite's preview before pressing Join.
    public static func joinDelay(humanDelayMax: Duration) -> ClosedRange<TimeInterval> {
        humanDelayMax.timeInterval...(4 * humanDelayMax.timeInterval)
    }
}
