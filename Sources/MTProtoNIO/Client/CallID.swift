/// Identifies one `invoke` for its whole life, across sessions and reconnects.
struct CallID: Sendable, Hashable, Comparable {
    let rawValue: UInt64

    static func < (lhs: CallID, rhs: CallID) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
