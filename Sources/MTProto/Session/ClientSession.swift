import MTProtoCrypto
import TL

/// The client side of an MTProto 2.0 encrypted session, sans-IO
/// (https://core.telegram.org/mtproto/description, /mtproto/service_messages).
///
/// *Push* requests (each gets a `RequestID`), ask for the *next packet* to write (requests, acks and
/// service answers, packed into containers), and *feed* every received packet to get `SessionEvent`s.
/// Time and randomness are parameters, so recorded exchanges replay exactly.
///
/// After a reconnect on the same key, call `requeueInFlightRequests()` so that requests that were
/// sent but not answered go out again; `cancel(_:dropAnswer:)` a request nobody waits for, so it is not.
public struct ClientSession: Sendable {
    /// A request until it is answered or fails.
    struct PendingRequest: Sendable {
        /// The body as sent (already gzip_packed when that was smaller).
        let body: [UInt8]
        /// The msg_id of the current attempt; nil while queued.
        var messageID: Int64?
        /// Whether the server acknowledged the current attempt.
        var acknowledged = false
        /// How many times it was resent after corrective notifications.
        var resends = 0
    }

    /// The authorization key.
    public let authKey: AuthKey
    /// The random id of the current session (replaced after seqno errors 32/33).
    public internal(set) var sessionID: Int64
    /// The server salt used for outgoing messages.
    public internal(set) var salt: Int64
    /// Server time minus local time, in seconds, as used for msg_ids and the incoming time window.
    public var timeOffset: Int64 { messageIDs.timeOffset }

    let configuration: SessionConfiguration
    var messageIDs: MessageIDGenerator
    var seqNo = SeqNoCounter()
    var received: ReceivedMessageLog
    var futureSalts: [MT.FutureSalt] = []

    var nextRequestNumber: UInt64 = 1
    var requests: [RequestID: PendingRequest] = [:]
    /// Requests waiting to be sent, in order.
    var queue: [RequestID] = []
    var requestsByMessageID: [Int64: RequestID] = [:]
    var sentContainers: RecentMessages<[Int64]>
    var sentAcks: RecentMessages<[Int64]>

    /// Server msg_ids to acknowledge.
    var pendingAcks: [Int64] = []
    /// Bodies of non-content-related service messages to send (msgs_state_info, msg_resend_req).
    var pendingService: [[UInt8]] = []
    /// msg_ids of cancelled requests to send `rpc_drop_answer` for.
    var pendingDrops: [Int64] = []
    /// Set by seqno errors: the next packet starts a new session.
    var needsNewSession = false

    /// A session on `authKey` starting with `salt` and `timeOffset` (from `GeneratedAuthKey` or storage).
    /// Draws the 8-byte session id from `random`.
    public init(
        authKey: AuthKey, salt: Int64, timeOffset: Int64 = 0,
        configuration: SessionConfiguration = SessionConfiguration(), random: inout some RandomSource
    ) {
        self.authKey = authKey
        self.salt = salt
        self.configuration = configuration
        messageIDs = MessageIDGenerator(timeOffset: timeOffset)
        sessionID = random.int64()
        received = ReceivedMessageLog(capacity: configuration.rememberedMessageIDs)
        sentContainers = RecentMessages(capacity: 1024)
        sentAcks = RecentMessages(capacity: 1024)
    }

    /// Requests sent and not yet answered, in push order.
    public var inFlightRequests: [RequestID] {
        requests.filter { $0.value.messageID != nil }.keys.sorted()
    }

    /// Requests waiting for `nextPacket`, in sending order.
    public var queuedRequests: [RequestID] {
        queue
    }

    /// Whether the server acknowledged receiving the current attempt of `request`.
    public func isAcknowledged(_ request: RequestID) -> Bool {
        requests[request]?.acknowledged ?? false
    }

    /// Queues a serialized TL function (content-related). Bodies at least
    /// `compressionThreshold` long go out gzip_packed when that is smaller.
    public mutating func push(_ body: [UInt8]) -> RequestID {
        let id = RequestID(rawValue: nextRequestNumber)
        nextRequestNumber += 1
        var packed: [UInt8]?
        if let threshold = configuration.compressionThreshold, body.count >= threshold {
            packed = GzipPacked.pack(body)
        }
        requests[id] = PendingRequest(body: packed ?? body)
        queue.append(id)
        return id
    }

    /// Queues a TL function.
    public mutating func push<Function: TLFunction>(_ function: Function) -> RequestID {
        push(function.serialized())
    }

    /// Queues every sent, unanswered request again (after a reconnect) and returns them.
    public mutating func requeueInFlightRequests() -> [RequestID] {
        let ids = inFlightRequests
        requeue(ids)
        return ids
    }

    /// Forgets `request` (its caller gave up): it is never sent or resent, and an answer that still
    /// arrives is ignored without an event. If it was sent, and `dropAnswer` is set, the next packet
    /// asks the server to drop the answer with `rpc_drop_answer`; the server's reply to that is
    /// ignored too. Returns whether the request was still pending.
    @discardableResult
    public mutating func cancel(_ request: RequestID, dropAnswer: Bool = true) -> Bool {
        guard let cancelled = requests.removeValue(forKey: request) else { return false }
        queue.removeAll { $0 == request }
        if let messageID = cancelled.messageID {
            requestsByMessageID.removeValue(forKey: messageID)
            if dropAnswer { pendingDrops.append(messageID) }
        }
        return true
    }

    /// Moves `ids` (sent requests) back to the front of the queue, keeping their order.
    mutating func requeue(_ ids: [RequestID]) {
        var moved: [RequestID] = []
        for id in ids {
            guard var request = requests[id], let messageID = request.messageID else { continue }
            requestsByMessageID.removeValue(forKey: messageID)
            request.messageID = nil
            request.acknowledged = false
            requests[id] = request
            moved.append(id)
        }
        queue.insert(contentsOf: moved, at: 0)
    }
}
