/// Identifies a request pushed into a `ClientSession` for its whole life, across resends
/// (each send gets a new msg_id; the request id stays).
public struct RequestID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The number, increasing in push order from 1.
    public let rawValue: UInt64

    /// Wraps a number (sessions make these; tests may too).
    public init(rawValue: UInt64) {
        self.rawValue = rawValue
    }

    /// Orders requests by push order.
    public static func < (lhs: RequestID, rhs: RequestID) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// `#` and the number.
    public var description: String {
        "#\(rawValue)"
    }
}
