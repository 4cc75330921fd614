/// Why a `run_window:` value could not be read.
public enum RunWindowError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Not of the form `HH:MM-HH:MM`.
    case malformed(String)
    /// A time of day that does not exist, such as `25:00`.
    case invalidTime(String)
    /// Start and end are equal, so the window would never open.
    case empty(String)

    /// A message for the person editing the job file.
    public var description: String {
        switch self {
        case .malformed(let text): "'\(text)' is not a time range like '01:00-05:00'"
        case .invalidTime(let clock): "'\(clock)' is not a time of day (00:00-23:59)"
        case .empty(let text): "'\(text)' starts and ends at the same time, so the job could never run"
        }
    }
}
