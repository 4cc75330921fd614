import Foundation

/// How far a job has archived a channel: the contiguous range `tail...head` is complete.
///
/// `head` is the highest id archived with nothing missing below it down to `tail`; `tail` is the lowest id
/// backfill reached. The store writes a checkpoint only with the page it covers, in one transaction.
public struct Checkpoint: Codable, Equatable, Sendable {
    /// Highest id with nothing missing down to `tail` (nil before the first page).
    public var head: Int32?
    /// Lowest id backfill reached (nil before the first page).
    public var tail: Int32?
    /// The start of the job's message window backfill aims for (nil: the channel's beginning).
    public var windowStart: Date?
    /// Backfill reached `windowStart` (or the channel's first message): nothing older is wanted.
    public var windowStartReached: Bool

    /// A checkpoint.
    public init(head: Int32? = nil, tail: Int32? = nil, windowStart: Date? = nil, windowStartReached: Bool = false) {
        self.head = head
        self.tail = tail
        self.windowStart = windowStart
        self.windowStartReached = windowStartReached
    }
}
