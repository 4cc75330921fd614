/// Why a notification was not delivered. Descriptions never contain the bot token or a webhook's path.
public enum NotifyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The URL is not an absolute http:// or https:// URL with a host.
    case invalidURL(reason: String)
    /// The scheme needs TLS, which this transport does not speak.
    case tlsUnavailable(host: String)
    /// The connection to `host` failed or broke before a complete response.
    case connectionFailed(host: String, reason: String)
    /// No response from `host` in time.
    case timeout(host: String)
    /// `host` answered with an HTTP error status (and, from the Bot API, its description).
    case rejected(host: String, status: Int, detail: String)

    /// What failed, for the log.
    public var description: String {
        switch self {
        case let .invalidURL(reason): "notify: invalid URL: \(reason)"
        case let .tlsUnavailable(host): "notify: \(host) needs HTTPS, which this transport does not support"
        case let .connectionFailed(host, reason): "notify: cannot reach \(host): \(reason)"
        case let .timeout(host): "notify: no answer from \(host) in time"
        case let .rejected(host, status, detail):
            "notify: \(host) answered HTTP \(status)" + (detail.isEmpty ? "" : ": \(detail)")
        }
    }
}
