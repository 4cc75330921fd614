import Foundation

/// One job's state on one channel, as `tgcron status` shows it.
public struct StatusRow: Codable, Equatable, Sendable {
    /// The job.
    public var job: String
    /// The channel's id.
    public var channelId: Int64
    /// The channel's title.
    public var channelTitle: String
    /// The channel's username.
    public var channelUsername: String?
    /// Messages archived (deleted ones included).
    public var archived: Int
    /// Archived messages marked deleted.
    public var deleted: Int
    /// The checkpoint's head.
    public var head: Int32?
    /// The checkpoint's tail.
    public var tail: Int32?
    /// Backfill reached the job's window start.
    public var windowStartReached: Bool
    /// Send date of the oldest archived message.
    public var oldest: Date?
    /// Send date of the newest archived message.
    public var newest: Date?
    /// How the last run ended (nil if none ran).
    public var lastRunStatus: RunStatus?
    /// When the last run began.
    public var lastRunStarted: Date?
    /// FLOOD_WAIT answers in the last run.
    public var floodWaits: Int
    /// Why the last run was deferred.
    public var deferralReason: String?
    /// When the job is next due; the scheduler fills it in.
    public var nextDue: Date?
    /// The job's time zone (IANA name), in which the table shows `nextDue`; nil shows it in the table's zone.
    public var nextDueZone: String?
}
