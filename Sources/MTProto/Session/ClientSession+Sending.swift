import MTProtoCrypto
import TL

extension ClientSession {
    /// What one outgoing message of a packet carries, to map notifications back to it.
    private enum Carried {
        case request(RequestID)
        case acks([Int64])
        case service
    }

    /// Most msg_ids one `msgs_ack` carries.
    private static let maximumAcksPerMessage = 8192

    /// The next encrypted packet to write, or nil when there is nothing to send.
    ///
    /// Packs, in order: pending acknowledgements, service answers, `rpc_drop_answer`s for cancelled
    /// requests, then queued requests, within the container limits (call again while it returns
    /// packets). Acknowledgements alone are sent only once `ackFlushThreshold` of them are pending,
    /// or when `flushAcks` is set.
    public mutating func nextPacket(now: UnixTime, random: inout some RandomSource, flushAcks: Bool = false) -> [UInt8]? {
        if needsNewSession { startNewSession(random: &random) }
        adoptFutureSalt(now: now)

        var budget = ContainerBudget(configuration: configuration)
        var messages: [OutgoingMessage] = []
        var carried: [Carried] = []
        let hasOtherOutput = !queue.isEmpty || !pendingService.isEmpty || !pendingDrops.isEmpty
        if !pendingAcks.isEmpty, hasOtherOutput || flushAcks || pendingAcks.count >= configuration.ackFlushThreshold {
            let ids = Array(pendingAcks.prefix(Self.maximumAcksPerMessage))
            let body = MT.MsgsAck(msgIds: ids).serialized()
            if budget.admit(bodyLength: body.count) {
                pendingAcks.removeFirst(ids.count)
                messages.append(OutgoingMessage(body: body, contentRelated: false, kind: .client))
                carried.append(.acks(ids))
            }
        }
        while let body = pendingService.first, budget.admit(bodyLength: body.count) {
            pendingService.removeFirst()
            messages.append(OutgoingMessage(body: body, contentRelated: false, kind: .client))
            carried.append(.service)
        }
        while let dropped = pendingDrops.first {
            // Content-related, as the RPC call it is; its rpc_result matches no request and is ignored.
            let body = MT.RpcDropAnswerRequest(reqMsgId: dropped).serialized()
            guard budget.admit(bodyLength: body.count) else { break }
            pendingDrops.removeFirst()
            messages.append(OutgoingMessage(body: body, contentRelated: true, kind: .client))
            carried.append(.service)
        }
        var taken = 0
        for id in queue {
            guard let request = requests[id] else {
                taken += 1
                continue
            }
            guard budget.admit(bodyLength: request.body.count) else { break }
            taken += 1
            messages.append(OutgoingMessage(body: request.body, contentRelated: true, kind: .client))
            carried.append(.request(id))
        }
        queue.removeFirst(taken)
        guard !messages.isEmpty else { return nil }

        let packed = MessagePacker.pack(messages, ids: &messageIDs, seqNo: &seqNo, now: now, containerKind: .client)
        for (messageID, content) in zip(packed.innerIDs, carried) {
            switch content {
            case .request(let id):
                requests[id]?.messageID = messageID
                requestsByMessageID[messageID] = id
            case .acks(let ids):
                sentAcks.record(ids, for: messageID)
            case .service:
                break
            }
        }
        if packed.isContainer { sentContainers.record(packed.innerIDs, for: packed.messageID) }
        let message = EncryptedMessage(salt: salt, sessionID: sessionID, messageID: packed.messageID, seqNo: packed.seqNo, body: packed.body)
        return message.encrypted(authKey: authKey, sender: .client, random: &random)
    }

    /// Replaces the session after seqno errors: new id, seqnos from zero, every unanswered request queued again.
    private mutating func startNewSession(random: inout some RandomSource) {
        needsNewSession = false
        sessionID = random.int64()
        seqNo = SeqNoCounter()
        received = ReceivedMessageLog(capacity: configuration.rememberedMessageIDs)
        pendingAcks = []
        pendingService = []
        pendingDrops = []
        requeue(inFlightRequests)
    }

    /// Switches to the newest future salt valid at the corrected time, and drops expired ones.
    private mutating func adoptFutureSalt(now: UnixTime) {
        guard !futureSalts.isEmpty else { return }
        let serverNow = now.seconds + timeOffset
        futureSalts.removeAll { Int64($0.validUntil) <= serverNow }
        if let current = futureSalts.last(where: { Int64($0.validSince) <= serverNow }) {
            salt = current.salt
        }
    }
}
