/// Why a duration such as `45m`, `1.5s` or `1h30m` could not be read.
public enum DurationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text is empty.
    case empty
    /// A number without a unit (`45`), which would be ambiguous.
    case missingUnit(String)
    /// A unit other than `ms`, `s`, `m`, `h`, `d` and `w`.
    case unknownUnit(String, in: String)
    /// A negative duration (`-5m`).
    case negative(String)
    /// Text that is not a sequence of number-unit pairs, or too large to represent.
    case malformed(String)

    /// A message for the person editing the file.
    public var description: String {
        switch self {
        case .empty: "duration is empty"
        case .missingUnit(let number): "'\(number)' has no unit (write e.g. '\(number)s' or '\(number)m')"
        case .unknownUnit(let unit, let text): "unknown unit '\(unit)' in '\(text)' (use ms, s, m, h, d or w)"
        case .negative(let text): "duration '\(text)' is negative"
        case .malformed(let text): "'\(text)' is not a duration like '45m', '1.5s' or '1h30m'"
        }
    }
}
