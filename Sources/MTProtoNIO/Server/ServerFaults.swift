/// Faults the test server injects on purpose, to exercise a client's recovery.
///
/// Random faults draw from a generator seeded with `seed` (and the connection's number), so a run
/// with the same seed and the same traffic misbehaves the same way.
public struct ServerFaults: Sendable, Hashable {
    /// Close each connection right after its K-th reply is written (nil never drops). Requests
    /// still being handled then are never answered on that connection; a client must resend them.
    public var dropConnectionEvery: Int?
    /// The probability (0…1) of closing the connection right after any reply.
    public var dropProbability: Double
    /// Give every live session a new salt this often (nil never): clients get `bad_server_salt`.
    public var saltRotation: Duration?
    /// The probability (0…1) of ignoring an incoming packet with `bad_msg_notification` 16 or 17,
    /// so that the client corrects its clock offset and resends. At 1 every packet is refused and
    /// no call can complete.
    public var badTimeProbability: Double
    /// How long every reply is held back (nil sends at once).
    public var replyDelay: ReplyDelay?
    /// Answer the transport error -404 ("unknown auth key") to the first this many connections that
    /// present a key, known or not, as someone on the path or a restarting server would.
    public var spuriousKeyRejections: Int
    /// Seeds the random faults.
    public var seed: UInt64

    /// Faults as given; the default injects none.
    public init(
        dropConnectionEvery: Int? = nil, dropProbability: Double = 0, saltRotation: Duration? = nil,
        badTimeProbability: Double = 0, replyDelay: ReplyDelay? = nil, spuriousKeyRejections: Int = 0, seed: UInt64 = 0
    ) {
        self.dropConnectionEvery = dropConnectionEvery
        self.dropProbability = dropProbability
        self.saltRotation = saltRotation
        self.badTimeProbability = badTimeProbability
        self.replyDelay = replyDelay
        self.spuriousKeyRejections = spuriousKeyRejections
        self.seed = seed
    }
}

/// How long the server holds back each reply.
public struct ReplyDelay: Sendable, Hashable {
    /// The delay, or its upper bound when `isRandom`.
    public var maximum: Duration
    /// Draw each delay uniformly from 0…`maximum` instead of always waiting `maximum`.
    public var isRandom: Bool

    /// A fixed delay of `maximum`, or a random one up to it.
    public init(maximum: Duration, isRandom: Bool = false) {
        self.maximum = maximum
        self.isRandom = isRandom
    }
}
