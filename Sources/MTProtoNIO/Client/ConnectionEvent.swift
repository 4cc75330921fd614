/// What happened to an `MTProtoConnection`'s link, for monitoring and for re-syncing state.
public enum ConnectionEvent: Sendable, Equatable {
    /// A link is up and its session ready; `keyExchanged` is true when a new auth key was just created.
    case connected(keyExchanged: Bool)
    /// The link was lost for this reason; unanswered calls are sent again after reconnecting.
    case disconnected(ConnectionError)
    /// The next attempt starts after this delay.
    case reconnecting(after: Duration)
    /// The server started a new session: updates may have been missed (re-sync with getDifference).
    case newSession
    /// Reconnecting failed as often as the reconnect policy allows: pending calls failed with this
    /// error, and the connection waits for the next call to try again.
    case suspended(ConnectionError)
    /// The connection was closed with `close()`. No events follow.
    case stopped
}
