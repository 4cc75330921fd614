import Foundation

/// One archiving job from a job file, with the file's defaults merged in and every value checked.
public struct Job: Hashable, Sendable {
    /// Unique name across all job files; the scheduler keys its state by it.
    public var name: String
    /// The channel to archive.
    public var channel: ChannelRef
    /// When the job runs.
    public var schedule: CronSchedule
    /// The zone in which the schedule, run window and date bounds are read (default UTC).
    public var timeZone: TimeZone
    /// Which messages to archive.
    public var window: MessageWindow
    /// Local hours in which the job may run; nil for any time.
    public var runWindow: RunWindow?
    /// Caps per run.
    public var limits: Limits
    /// A growing daily request budget for this job; nil to follow the account's only.
    public var warmup: Warmup?
    /// How far back each run re-reads already archived messages to catch edits and deletions;
    /// nil for no re-reading.
    public var refresh: Duration?
    /// Whether to archive through a takeout session (slower start, gentler limits).
    public var takeout: Bool
    /// Whether the scheduler runs this job; disabled jobs are still validated.
    public var enabled: Bool
    /// The longest random delay added to each start; nil for none.
    public var jitter: Duration?
    /// Which media to download with the messages; nil for none.
    public var media: MediaRule?
    /// Whether to archive the comments of the channel's posts too (its linked discussion group).
    public var comments: Bool
    /// The account the job runs under (`account:`); nil for the default account.
    public var account: JobAccount?
    /// Where the job is defined (its entry in the `jobs:` list).
    public var location: SourceLocation

    /// A job; optional parts default to "not set", `takeout` to false and `enabled` to true.
    public init(name: String, channel: ChannelRef, schedule: CronSchedule, timeZone: TimeZone,
                window: MessageWindow = MessageWindow(), runWindow: RunWindow? = nil, limits: Limits = Limits(),
                warmup: Warmup? = nil, refresh: Duration? = nil, takeout: Bool = false, enabled: Bool = true,
                jitter: Duration? = nil, media: MediaRule? = nil, comments: Bool = false,
                account: JobAccount? = nil, location: SourceLocation) {
        self.name = name
        self.channel = channel
        self.schedule = schedule
        self.timeZone = timeZone
        self.window = window
        self.runWindow = runWindow
        self.limits = limits
        self.warmup = warmup
        self.refresh = refresh
        self.takeout = takeout
        self.enabled = enabled
        self.jitter = jitter
        self.media = media
        self.comments = comments
        self.account = account
        self.location = location
    }

    /// The start delay for the run scheduled at `fireTime`: stable for that job and time, at most `jitter`.
    public func startDelay(forRunScheduledAt fireTime: Date) -> Duration {
        guard let jitter else { return .zero }
        return Jitter.delay(upTo: jitter, seed: Jitter.seed(jobName: name, scheduledAt: fireTime))
    }
}
