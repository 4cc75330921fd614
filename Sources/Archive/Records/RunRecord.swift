import Foundation

/// A row of `runs`: one execution of a job on a channel.
public struct RunRecord: ArchiveRecord, Equatable {
    /// The table's name.
    public static let databaseTableName = "runs"

    /// Row id, assigned when the run begins.
    public var id: Int64?
    /// The job's name.
    public var job: String
    /// The channel the run archives (nil while it is not resolved yet).
    public var channelId: Int64?
    /// When the run began.
    public var startedAt: Date
    /// When the run ended (nil while running).
    public var endedAt: Date?
    /// The outcome.
    public var status: RunStatus
    /// Messages archived for the first time.
    public var messagesNew: Int
    /// Archived messages whose stored row changed (edits, counters, deletions).
    public var messagesUpdated: Int
    /// API requests made.
    public var requests: Int
    /// FLOOD_WAIT answers received.
    public var floodWaits: Int
    /// Why the governor deferred the run, as text for people.
    public var deferralReason: String?
    /// The error that stopped a failed run.
    public var error: String?
}
