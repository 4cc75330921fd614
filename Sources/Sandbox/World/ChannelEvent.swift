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
        let top = topID(at: now)
        guard top > spec.size else { return [] }
        var raw: [(time: Int64, id: Int, change: ChannelEvent.Change)] = []
        for id in (spec.size + 1)...top {
            raw.append((timeline.date(id), id, .posted))
            if let edited = scheduledEditDate(id), edited <= now { raw.append((edited, id, .edited)) }
            if let deleted = timeline.lateDeletion(id), deleted <= now { raw.append((deleted, id, .deleted)) }
        }
        raw.sort { ($0.time, $0.id, $0.change) < ($1.time, $1.id, $1.change) }
        return raw.enumerated().map { index, event in
            ChannelEvent(time: event.time, id: event.id, change: event.change, pts: genesisPts + index + 1)
        }
    }

    /// The channel's pts at `now`.
    public func pts(at now: Int64) -> Int { genesisPts + events(through: now).count }
}
