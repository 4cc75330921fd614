import Foundation

/// A row of `checkpoints`: one job's progress on one channel.
struct CheckpointRecord: ArchiveRecord, Equatable {
    static let databaseTableName = "checkpoints"

    var job: String
    var channelId: Int64
    var head: Int32?
    var tail: Int32?
    var windowStart: Date?
    var windowStartReached: Bool
    var updatedAt: Date

    init(job: String, channelId: Int64, checkpoint: Checkpoint, updatedAt: Date) {
        self.job = job
        self.channelId = channelId
        self.head = checkpoint.head
        self.tail = checkpoint.tail
        self.windowStart = checkpoint.windowStart
        self.windowStartReached = checkpoint.windowStartReached
        self.updatedAt = updatedAt
    }

    var checkpoint: Checkpoint {
        Checkpoint(head: head, tail: tail, windowStart: windowStart, windowStartReached: windowStartReached)
    }
}
