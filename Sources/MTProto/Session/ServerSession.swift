import MTProtoCrypto
import TL

/// The server side of an encrypted session, for the sandbox server and protocol tests: the mirror of
/// `ClientSession`.
///
/// Feed client packets to get requests; answer them with `reply`; send updates; take packets with
/// `nextPacket`. It enforces what a Telegram server enforces and reports the same way: a wrong salt
/// gets `bad_server_salt`, client msg_ids with wrong low bits get code 18, ids too far in the past or
/// future (300 s / 30 s) codes 16 / 17, oversized containers 64. A new session id gets
/// `new_session_created`. Fault injection: `injectBadMessage` and `changeSalt`.
public struct ServerSession: Sendable {
    /// The authorization key.
    public let authKey: AuthKey
    /// The salt clients must use.
    public private(set) var salt: Int64
    /// The client's current session id, once a packet arrived.
    public internal(set) var sessionID: Int64?

    let configuration: SessionConfiguration
    var messageIDs = MessageIDGenerator()
    var seqNo = SeqNoCounter()
    var received: ReceivedMessageLog
    var pendingAcks: [Int64] = []
    var outgoing: [OutgoingMessage] = []
    var injectedFaults: [BadMessageCode] = []
    /// The first msg_id of a session that `new_session_created` has not announced yet.
    var unannouncedSession: Int64?
    /// msg_ids of requests handed out as `.request` events and not replied to yet.
    var runningRequests: Set<Int64> = []
    /// msg_ids of running requests the client dropped with `rpc_drop_answer`: their replies are discarded.
    var droppedAnswers: Set<Int64> = []

    /// A session on `authKey` that expects `salt`.
    public init(authKey: AuthKey, salt: Int64, configuration: SessionConfiguration = SessionConfiguration()) {
        self.authKey = authKey
        self.salt = salt
        self.configuration = configuration
        received = ReceivedMessageLog(capacity: configuration.rememberedMessageIDs)
    }

    /// Results never gzip_packed: file parts (`upload.file`), whose bytes are already compressed media, so
    /// Telegram sends them as they are and deflating a 1 MiB part would cost far more than sending it.
    static let incompressible: Set<UInt32> = [Api.Upload.File.File.constructorID]

    /// Answers the request `messageID` with a result's TL bytes (gzip_packed when large and smaller,
    /// except `incompressible` ones).
    /// Nothing is sent when the client dropped the answer with `rpc_drop_answer`.
    public mutating func reply(to messageID: Int64, result: [UInt8]) {
        guard settle(messageID) else { return }
        var packed: [UInt8]?
        if let threshold = configuration.compressionThreshold, result.count >= threshold,
           !Self.incompressible.contains(ServiceConstructor.of(result) ?? 0) {
            packed = GzipPacked.pack(result)
        }
        let body = MT.RpcResult(reqMsgId: messageID, result: TLRawObject(bytes: packed ?? result)).serialized()
        outgoing.append(OutgoingMessage(body: body, contentRelated: true, kind: .serverResponse))
    }

    /// Answers the request `messageID` with an `rpc_error`; nothing is sent for a dropped answer.
    public mutating func reply(to messageID: Int64, error: RPCError) {
        guard settle(messageID) else { return }
        let rpcError = MT.RpcError(errorCode: error.code, errorMessage: error.message).serialized()
        let body = MT.RpcResult(reqMsgId: messageID, result: TLRawObject(bytes: rpcError)).serialized()
        outgoing.append(OutgoingMessage(body: body, contentRelated: true, kind: .serverResponse))
    }

    /// Marks the request `messageID` answered; false when the client dropped its answer.
    private mutating func settle(_ messageID: Int64) -> Bool {
        runningRequests.remove(messageID)
        return droppedAnswers.remove(messageID) == nil
    }

    /// Queues a message the server sends on its own (an update), content-related.
    public mutating func send(update body: [UInt8]) {
        outgoing.append(OutgoingMessage(body: body, contentRelated: true, kind: .serverOther))
    }

    /// Queues a service message as is (e.g. `msgs_state_req`, `msg_detailed_info`, hand-made faults).
    public mutating func send(service body: [UInt8], contentRelated: Bool) {
        outgoing.append(OutgoingMessage(body: body, contentRelated: contentRelated, kind: .serverOther))
    }

    /// Switches the expected salt: client messages still using the old one get `bad_server_salt`.
    public mutating func changeSalt(to newSalt: Int64) {
        salt = newSalt
    }

    /// Makes the server ignore the next incoming packet and answer it with a notification of `code`
    /// (`bad_server_salt` with the current salt for code 48) about its outer msg_id. Queued faults
    /// apply to successive packets.
    public mutating func injectBadMessage(_ code: BadMessageCode) {
        injectedFaults.append(code)
    }

    /// The next encrypted packet to write, or nil when there is nothing to send (or no client yet).
    /// Acknowledgements alone are sent only at `ackFlushThreshold`, or when `flushAcks` is set.
    public mutating func nextPacket(now: UnixTime, random: inout some RandomSource, flushAcks: Bool = false) -> [UInt8]? {
        guard let sessionID else { return nil }
        var budget = ContainerBudget(configuration: configuration)
        var messages: [OutgoingMessage] = []
        if let firstMessageID = unannouncedSession {
            unannouncedSession = nil
            let body = MT.NewSession(firstMsgId: firstMessageID, uniqueId: random.int64(), serverSalt: salt).serialized()
            _ = budget.admit(bodyLength: body.count)
            messages.append(OutgoingMessage(body: body, contentRelated: true, kind: .serverOther))
        }
        let hasOtherOutput = !messages.isEmpty || !outgoing.isEmpty
        if !pendingAcks.isEmpty, hasOtherOutput || flushAcks || pendingAcks.count >= configuration.ackFlushThreshold {
            let body = MT.MsgsAck(msgIds: pendingAcks).serialized()
            if budget.admit(bodyLength: body.count) {
                pendingAcks = []
                messages.append(OutgoingMessage(body: body, contentRelated: false, kind: .serverOther))
            }
        }
        var taken = 0
        while taken < outgoing.count, budget.admit(bodyLength: outgoing[taken].body.count) {
            messages.append(outgoing[taken])
            taken += 1
        }
        outgoing.removeFirst(taken)
        guard !messages.isEmpty else { return nil }
        let packed = MessagePacker.pack(messages, ids: &messageIDs, seqNo: &seqNo, now: now, containerKind: .serverOther)
        let message = EncryptedMessage(salt: salt, sessionID: sessionID, messageID: packed.messageID, seqNo: packed.seqNo, body: packed.body)
        return message.encrypted(authKey: authKey, sender: .server, random: &random)
    }
}
