/// Log severities, least to most severe, named as swift-log names them.
public enum LogLevel: String, CaseIterable, Hashable, Sendable {
    /// Every detail, including protocol traffic.
    case trace
    /// Details useful when debugging.
    case debug
    /// Normal operation.
    case info
    /// Normal but significant events.
    case notice
    /// Something unexpected that the program handled.
    case warning
    /// A failed operation.
    case error
    /// The program cannot go on.
    case critical
}
