/// Why talking to Redis failed.
public enum RedisError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The TCP connection could not be made.
    case connectionFailed(endpoint: String, reason: String)
    /// The connection closed (or broke) before every reply arrived.
    case connectionClosed(endpoint: String)
    /// No reply to `command` arrived in time; the connection is closed, since later replies would be mismatched.
    case timeout(command: String, seconds: Double)
    /// Redis refused `command` with an error reply (`-ERR …`, `-WRONGPASS …`).
    case server(command: String, message: String)
    /// The bytes received are not valid RESP2.
    case protocolViolation(reason: String)
    /// A reply had a shape the command never returns.
    case unexpectedReply(command: String, reply: String)

    /// What failed, for the log. Never contains command arguments (AUTH passwords).
    public var description: String {
        switch self {
        case let .connectionFailed(endpoint, reason): "redis: cannot connect to \(endpoint): \(reason)"
        case let .connectionClosed(endpoint): "redis: the connection to \(endpoint) closed before the reply"
        case let .timeout(command, seconds): "redis: no reply to \(command) within \(seconds)s"
        case let .server(command, message): "redis: \(command) failed: \(message)"
        case let .protocolViolation(reason): "redis: invalid reply: \(reason)"
        case let .unexpectedReply(command, reply): "redis: unexpected reply to \(command): \(reply)"
        }
    }
}
