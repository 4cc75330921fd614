import MTProto

/// How often each injected fault struck since the server started.
public struct ServerFaultCounts: Sendable, Hashable {
    /// Connections closed by `dropConnectionEvery` or `dropProbability`.
    public var droppedConnections = 0
    /// Salts replaced by `saltRotation`.
    public var saltRotations = 0
    /// `bad_server_salt` notifications sent (after a rotation, or to a client with a stale salt).
    public var badSaltNotices = 0
    /// `bad_msg_notification` 16 / 17 sent by `badTimeProbability`.
    public var badTimeNotices = 0
    /// Replies held back by `replyDelay`.
    public var delayedReplies = 0
    /// Connections answered -404 by `spuriousKeyRejections`.
    public var spuriousKeyRejections = 0

    /// No faults yet.
    public init() {}
}

/// The server-wide tally of faults, shared by all connections.
actor FaultLedger {
    private(set) var counts = ServerFaultCounts()

    /// Counts one occurrence of the fault at `keyPath`.
    func record(_ keyPath: WritableKeyPath<ServerFaultCounts, Int>) {
        counts[keyPath: keyPath] += 1
    }

    /// Whether the next connection presenting a key gets a spurious -404 (the first `limit` do); counts it.
    func takeSpuriousKeyRejection(limit: Int) -> Bool {
        guard counts.spuriousKeyRejections < limit else { return false }
        counts.spuriousKeyRejections += 1
        return true
    }

    /// Counts a notification the session sent when it ignored a message with `code`.
    func record(ignoredWith code: BadMessageCode) {
        switch code {
        case .badServerSalt: counts.badSaltNotices += 1
        case .messageIDTooLow, .messageIDTooHigh: counts.badTimeNotices += 1
        default: break
        }
    }
}
