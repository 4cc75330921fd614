import Foundation

/// A row of `checkpoints`: one job's progress on one channel (read here; page commits write it with SQL).
struct CheckpointRecord: ArchiveRecord, Equatable {
    static let databaseTableName = "checkpoints"

    var job: String
    var channelId: Int64
    var head: Int32?
    var tail: Int32?
    var windowStart: Date?
    var windowStartReached: Bool
    var updatedAt: Date

    var checkpoint: Checkpoint {
        Checkpoint(head: head, tail: tail, windowStart: windowStart, windowStartReached: windowStartReached)
    }
}
