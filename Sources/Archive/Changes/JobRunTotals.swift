import Foundation

/// One job's runs summed over the archive's history, for metrics (every channel of the job together). The
/// one-off jobs of `tgcron backfill` (`backfill:<channel>`) are summed under the one name `backfill`, so
/// ad-hoc backfills do not add a series each.
public struct JobRunTotals: Equatable, Sendable {
    /// The job's name.
    public var job: String
    /// Finished runs (still-running ones are not counted).
    public var runs: Int
    /// Messages archived for the first time.
    public var messagesNew: Int
    /// Archived messages whose row changed.
    public var messagesUpdated: Int
    /// API requests made.
    public var requests: Int
    /// FLOOD_WAIT answers received.
    public var floodWaits: Int
    /// Runs the governor deferred.
    public var deferrals: Int
    /// Runs that failed.
    public var failures: Int
    /// When the last successful run ended (nil if none succeeded).
    public var lastSuccess: Date?
    /// How the latest run ended (nil if none finished).
    public var lastStatus: RunStatus?
    /// How long the latest finished run took, in seconds.
    public var lastRunSeconds: Double?

    /// Totals.
    public init(job: String, runs: Int = 0, messagesNew: Int = 0, messagesUpdated: Int = 0, requests: Int = 0,
                floodWaits: Int = 0, deferrals: Int = 0, failures: Int = 0, lastSuccess: Date? = nil,
                lastStatus: RunStatus? = nil, lastRunSeconds: Double? = nil) {
        self.job = job
        self.runs = runs
        self.messagesNew = messagesNew
        self.messagesUpdated = messagesUpdated
        self.requests = requests
        self.floodWaits = floodWaits
        self.deferrals = deferrals
        self.failures = failures
        self.lastSuccess = lastSuccess
        self.lastStatus = lastStatus
        self.lastRunSeconds = lastRunSeconds
    }
}
