/// A wall-clock instant as the protocol needs it: Unix time with a sub-second part.
///
/// The core never reads a clock: callers pass the current `UnixTime` into every step that needs it,
/// so tests drive time by hand (including backwards jumps).
public struct UnixTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Nanoseconds since 1970-01-01T00:00:00Z.
    public let nanosecondsSinceEpoch: Int64

    /// The instant `nanosecondsSinceEpoch` nanoseconds after the Unix epoch.
    public init(nanosecondsSinceEpoch: Int64) {
        self.nanosecondsSinceEpoch = nanosecondsSinceEpoch
    }

    /// The instant `seconds` plus `nanoseconds` (0 ..< 1_000_000_000) after the Unix epoch.
    public init(seconds: Int64, nanoseconds: Int64 = 0) {
        nanosecondsSinceEpoch = seconds * 1_000_000_000 + nanoseconds
    }

    /// Whole seconds since the epoch, rounded down.
    public var seconds: Int64 {
        nanosecondsSinceEpoch >= 0
            ? nanosecondsSinceEpoch / 1_000_000_000
            : -((-nanosecondsSinceEpoch + 999_999_999) / 1_000_000_000)
    }

    /// The sub-second part in nanoseconds (0 ..< 1_000_000_000).
    public var nanosecondsOfSecond: Int64 {
        nanosecondsSinceEpoch - seconds * 1_000_000_000
    }

    /// This instant moved by `seconds` (negative moves back).
    public func adding(seconds: Int64) -> UnixTime {
        UnixTime(nanosecondsSinceEpoch: nanosecondsSinceEpoch + seconds * 1_000_000_000)
    }

    /// Orders instants chronologically.
    public static func < (lhs: UnixTime, rhs: UnixTime) -> Bool {
        lhs.nanosecondsSinceEpoch < rhs.nanosecondsSinceEpoch
    }

    /// Seconds and nanoseconds, for logs.
    public var description: String {
        let fraction = String(nanosecondsOfSecond)
        return "\(seconds).\(String(repeating: "0", count: 9 - fraction.count))\(fraction)"
    }
}
