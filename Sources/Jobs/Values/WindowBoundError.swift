/// Why `window.since` or `window.until` could not be read.
public enum WindowBoundError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The value is empty.
    case empty
    /// A date that does not exist, such as `2023-02-29` or `2024-13-01`.
    case invalidDate(String)
    /// A date-time whose time of day does not exist, such as `25:00:00`.
    case invalidTime(String)
    /// A date-time without `Z` or a UTC offset; tgcron will not guess the zone.
    case missingOffset(String)
    /// A relative bound that is not a valid duration.
    case duration(DurationError)
    /// Neither a date, a date-time nor a duration.
    case unrecognized(String)

    /// A message for the person editing the job file.
    public var description: String {
        switch self {
        case .empty: "value is empty"
        case .invalidDate(let text): "'\(text)' is not a valid date"
        case .invalidTime(let text): "'\(text)' has an invalid time of day"
        case .missingOffset(let text): "'\(text)' needs a UTC offset, as in '\(text)Z' or '\(text)+01:00'"
        case .duration(let error): error.description
        case .unrecognized(let text):
            "'\(text)' is not a date (2024-01-31), an RFC 3339 time (2024-01-31T18:00:00Z) or a duration (90d)"
        }
    }
}
