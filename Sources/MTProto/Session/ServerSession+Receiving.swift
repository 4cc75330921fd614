import MTProtoCrypto
import TL

extension ServerSession {
    /// Decrypts and handles one packet from the client, returning what happened. Pings,
    /// `get_future_salts` and `rpc_drop_answer` are answered here; every other function becomes a
    /// `.request` event.
    public mutating func feed(_ packet: consuming [UInt8], now: UnixTime) -> [ServerSessionEvent] {
        let message: EncryptedMessage
        do {
            message = try EncryptedMessage(decrypting: consume packet, authKey: authKey, sender: .client)
        } catch {
            return [.rejected(error)]
        }
        var events: [ServerSessionEvent] = []
        if message.sessionID != sessionID {
            startSession(message.sessionID, firstMessageID: Self.firstMessageID(of: message))
            events.append(.newSession(sessionID: message.sessionID))
        }
        if let code = rejection(of: message, now: now) {
            notify(badMessageID: message.messageID, seqNo: message.seqNo, code: code)
            events.append(.ignored(messageID: message.messageID, code: code))
            return events
        }
        guard received.insert(message.messageID) else {
            events.append(.rejected(.duplicateMessage(message.messageID)))
            return events
        }
        if message.seqNo & 1 == 1 { pendingAcks.append(message.messageID) }
        if ServiceConstructor.of(message.body) == ServiceConstructor.messageContainer {
            receiveContainer(message, now: now, events: &events)
        } else {
            dispatch(message.body, messageID: message.messageID, now: now, inflated: false, events: &events)
        }
        return events
    }

    /// Forgets the previous session's state and schedules `new_session_created`.
    private mutating func startSession(_ id: Int64, firstMessageID: Int64) {
        sessionID = id
        seqNo = SeqNoCounter()
        received = ReceivedMessageLog(capacity: configuration.rememberedMessageIDs)
        pendingAcks = []
        outgoing = []
        runningRequests = []
        droppedAnswers = []
        unannouncedSession = firstMessageID
    }

    /// The msg_id of the first message of a session that starts with `message`: the smallest inner
    /// msg_id when it is a container (containers get their id after their contents), else its own.
    /// `new_session_created` carries it, and the client resends only requests older than it
    /// (https://core.telegram.org/mtproto/service_messages#new-session-creation-notification).
    /// A container that does not parse is rejected later; its own id stands in.
    private static func firstMessageID(of message: EncryptedMessage) -> Int64 {
        guard ServiceConstructor.of(message.body) == ServiceConstructor.messageContainer,
              let container = try? MT.MessageContainer(bytes: message.body),
              let first = container.messages.map(\.msgId).min()
        else { return message.messageID }
        return first
    }

    /// The notification code the outer message deserves instead of processing, if any:
    /// an injected fault first, then salt, msg_id low bits and msg_id time.
    private mutating func rejection(of message: EncryptedMessage, now: UnixTime) -> BadMessageCode? {
        if !injectedFaults.isEmpty { return injectedFaults.removeFirst() }
        if message.salt != salt { return .badServerSalt }
        if !MessageID.isFromClient(message.messageID) { return .messageIDInvalidLowBits }
        let skew = MessageID.seconds(of: message.messageID) - now.seconds
        if skew < -configuration.pastWindow { return .messageIDTooLow }
        if skew > configuration.futureWindow { return .messageIDTooHigh }
        return nil
    }

    /// Queues `bad_server_salt` (code 48, with the current salt) or `bad_msg_notification`.
    private mutating func notify(badMessageID: Int64, seqNo: Int32, code: BadMessageCode) {
        let body = code == .badServerSalt
            ? MT.BadMsgNotification.badServerSalt(.init(badMsgId: badMessageID, badMsgSeqno: seqNo, errorCode: code.rawValue, newServerSalt: salt)).serialized()
            : MT.BadMsgNotification.badMsgNotification(.init(badMsgId: badMessageID, badMsgSeqno: seqNo, errorCode: code.rawValue)).serialized()
        outgoing.append(OutgoingMessage(body: body, contentRelated: false, kind: .serverResponse))
    }

    /// Unpacks a container; an invalid one (nested, too many messages) is answered with code 64.
    private mutating func receiveContainer(_ message: EncryptedMessage, now: UnixTime, events: inout [ServerSessionEvent]) {
        let container: MT.MessageContainer
        do {
            container = try MT.MessageContainer(bytes: message.body)
        } catch {
            events.append(.rejected(.malformedBody(error)))
            return
        }
        let nested = container.messages.contains { ServiceConstructor.of($0.body.bytes) == ServiceConstructor.messageContainer }
        guard container.messages.count <= configuration.maximumContainerMessages, !nested else {
            notify(badMessageID: message.messageID, seqNo: message.seqNo, code: .invalidContainer)
            events.append(.ignored(messageID: message.messageID, code: .invalidContainer))
            return
        }
        for inner in container.messages {
            guard MessageID.isFromClient(inner.msgId) else {
                notify(badMessageID: inner.msgId, seqNo: inner.seqno, code: .messageIDInvalidLowBits)
                events.append(.ignored(messageID: inner.msgId, code: .messageIDInvalidLowBits))
                continue
            }
            guard received.insert(inner.msgId) else {
                events.append(.rejected(.duplicateMessage(inner.msgId)))
                continue
            }
            if inner.seqno & 1 == 1 { pendingAcks.append(inner.msgId) }
            dispatch(inner.body.bytes, messageID: inner.msgId, now: now, inflated: false, events: &events)
        }
    }

    /// Routes one client message body.
    private mutating func dispatch(
        _ body: [UInt8], messageID: Int64, now: UnixTime, inflated: Bool, events: inout [ServerSessionEvent]
    ) {
        do {
            switch ServiceConstructor.of(body) {
            case ServiceConstructor.gzipPacked where !inflated:
                let unpacked = try GzipPacked.unpack(body, limit: configuration.maximumInflatedSize)
                dispatch(unpacked, messageID: messageID, now: now, inflated: true, events: &events)
            case ServiceConstructor.msgsAck:
                events.append(.acknowledged(try decodeBody(MT.MsgsAck.self, body).msgIds))
            case ServiceConstructor.ping:
                answerPing(pingID: try decodeBody(MT.Ping.self, body).pingId, messageID: messageID)
            case ServiceConstructor.pingDelayDisconnect:
                answerPing(pingID: try decodeBody(MT.PingDelayDisconnect.self, body).pingId, messageID: messageID)
            case ServiceConstructor.getFutureSalts:
                _ = try decodeBody(MT.GetFutureSalts.self, body)
                let seconds = Int32(truncatingIfNeeded: now.seconds)
                let current = MT.FutureSalt(validSince: seconds, validUntil: seconds &+ 3600, salt: salt)
                let answer = MT.FutureSalts(reqMsgId: messageID, now: seconds, salts: [current]).serialized()
                outgoing.append(OutgoingMessage(body: answer, contentRelated: false, kind: .serverResponse))
            case ServiceConstructor.msgsStateInfo:
                let info = try decodeBody(MT.MsgsStateInfo.self, body)
                events.append(.stateInfo(requestID: info.reqMsgId, info: info.info))
            case ServiceConstructor.msgResendReq:
                events.append(.resendRequested(try decodeBody(MT.MsgResendReq.self, body).msgIds))
            case ServiceConstructor.rpcDropAnswer:
                dropAnswer(to: try decodeBody(MT.RpcDropAnswerRequest.self, body).reqMsgId, messageID: messageID)
            default:
                runningRequests.insert(messageID)
                events.append(.request(ReceivedRequest(messageID: messageID, body: body)))
            }
        } catch {
            events.append(.rejected(error))
        }
    }

    /// `rpc_drop_answer`: a request still waiting for `reply` is `rpc_answer_dropped_running` and its
    /// reply is discarded; any other is `rpc_answer_unknown` (answered already, or never seen).
    private mutating func dropAnswer(to requestID: Int64, messageID: Int64) {
        let outcome: MT.RpcDropAnswer
        if runningRequests.remove(requestID) != nil {
            droppedAnswers.insert(requestID)
            outcome = .rpcAnswerDroppedRunning
        } else {
            outcome = .rpcAnswerUnknown
        }
        let body = MT.RpcResult(reqMsgId: messageID, result: TLRawObject(bytes: outcome.serialized())).serialized()
        outgoing.append(OutgoingMessage(body: body, contentRelated: true, kind: .serverResponse))
    }

    private mutating func answerPing(pingID: Int64, messageID: Int64) {
        let pong = MT.Pong(msgId: messageID, pingId: pingID).serialized()
        outgoing.append(OutgoingMessage(body: pong, contentRelated: false, kind: .serverResponse))
    }
}

/// Decodes a whole message body, mapping decoding failures to `MTProtoError.malformedBody`.
func decodeBody<Object: TLDeserializable>(_ type: Object.Type, _ body: [UInt8]) throws(MTProtoError) -> Object {
    do {
        return try Object(bytes: body)
    } catch {
        throw .malformedBody(error)
    }
}
