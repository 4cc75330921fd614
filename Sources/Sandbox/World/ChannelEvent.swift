/// A change after genesis that advanced a channel's pts by one.
public struct ChannelEvent: Sendable, Equatable {
    /// What happened to the message.
    public enum Change: Int, Sendable, Comparable {
        /// The message was posted.
        case posted
        /// The message was edited.
        case edited
        /// The message was deleted.
        case deleted

        public static func < (lhs: Change, rhs: Change) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// When it happened (unix seconds).
    public let time: Int64
    /// The message id.
    public let id: Int
    /// The change.
    public let change: Change
    /// The channel pts after this event.
    public let pts: Int
}

extension SyntheticChannel {
    /// The pts at genesis: one per history id.
    public var genesisPts: Int { spec.size }

    /// Every event from genesis up to `now`, in pts order (time, then id, then posted/edited/deleted).
    ///
    /// Scans the posts since genesis: the event log grows with simulated time, never with the history size.
    public func events(through now: Int64) -> [ChannelEvent] {
        timeline.events(through: now, scheduledEdit: scheduledEditDate)
    }

    /// The channel's pts at `now`.
    public func pts(at now: Int64) -> Int { genesisPts + events(through: now).count }
}
