import Archive
import Client
import Harvester
import Timekeeping

/// What the scheduler works with: the archive, the client's peers and pipeline, a clock and hooks.
public struct SchedulerEnvironment: Sendable {
    /// The archive.
    public var store: any ArchiveStorage
    /// Where resolved channels are cached.
    public var peerCache: any PeerCache
    /// The time source; runs sleep on it (jitter) and read it (limits).
    public var clock: any ProgramClock
    /// Turns jobs into run plans.
    public var planner: JobPlanner
    /// The invocation pipeline for one run of the named job: its governor admission, with `meter` as its
    /// flood-wait observer. Every run shares the client's connections.
    public var invoker: @Sendable (_ job: String, _ meter: RunMeter) -> any Invoker
    /// The downloader of the named job's media (its governed admission); nil for no downloads.
    public var downloader: (@Sendable (_ job: String) -> any MediaDownloader)?
    /// Hears the watermark of the file being downloaded (the terminal's progress line).
    public var mediaProgress: (@Sendable (MediaEntry, Int64) -> Void)?
    /// Progress and end-of-run listeners.
    public var hooks: any SchedulerHooks
    /// How long, in real time, a page in progress may take to finish after a stop before its request is cancelled.
    public var stopGrace: Duration = .seconds(5)

    /// An environment.
    public init(store: any ArchiveStorage, peerCache: any PeerCache, clock: any ProgramClock, planner: JobPlanner,
                hooks: any SchedulerHooks = NoSchedulerHooks(),
                invoker: @escaping @Sendable (_ job: String, _ meter: RunMeter) -> any Invoker) {
        self.store = store
        self.peerCache = peerCache
        self.clock = clock
        self.planner = planner
        self.hooks = hooks
        self.invoker = invoker
    }
}
