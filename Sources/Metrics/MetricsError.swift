/// Why metrics could not be exported.
public enum MetricsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text file could not be written or moved into place.
    case textfileFailed(path: String, reason: String)
    /// The HTTP server could not listen on the address.
    case listenFailed(address: String, reason: String)

    /// What failed, for the log.
    public var description: String {
        switch self {
        case let .textfileFailed(path, reason): "metrics: cannot write \(path): \(reason)"
        case let .listenFailed(address, reason): "metrics: cannot listen on \(address): \(reason)"
        }
    }
}
