import MTProtoCrypto
import TL

extension ClientSession {
    /// Decrypts and handles one packet from the server, returning what happened.
    ///
    /// Rejects (as `.rejected` events) packets for another key or session, server msg_ids with the
    /// wrong low bits, duplicates, and messages outside the time window (by default 300 s in the past, 30 s in
    /// the future of the corrected clock) — except a bad_msg_notification about a message this
    /// session sent, which is how the server reports a wrong clock. Received content-related
    /// messages are queued for acknowledgement.
    public mutating func feed(_ packet: consuming [UInt8], now: UnixTime) -> [SessionEvent] {
        var message: EncryptedMessage
        do {
            message = try EncryptedMessage(decrypting: consume packet, authKey: authKey, sender: .server)
        } catch {
            return [.rejected(error)]
        }
        guard message.sessionID == sessionID else {
            return [.rejected(.sessionMismatch(expected: sessionID, received: message.sessionID))]
        }
        var events: [SessionEvent] = []
        // The body leaves the message so that it is the only owner of its bytes (a file part is sliced in place).
        let body = message.takeBody()
        receive(messageID: message.messageID, seqNo: message.seqNo, body: consume body, now: now, inContainer: false, events: &events)
        return events
    }

    /// Checks one message (outer or inside a container) and dispatches it.
    private mutating func receive(
        messageID: Int64, seqNo: Int32, body: consuming [UInt8], now: UnixTime, inContainer: Bool, events: inout [SessionEvent]
    ) {
        guard MessageID.isFromServer(messageID) else {
            events.append(.rejected(.invalidMessageID(messageID)))
            return
        }
        let constructor = ServiceConstructor.of(body)
        // A container's own id is checked through its messages: each inner one has a server time too.
        if constructor != ServiceConstructor.messageContainer {
            let skew = MessageID.seconds(of: messageID) - (now.seconds + timeOffset)
            let inWindow = skew >= -configuration.pastWindow && skew <= configuration.futureWindow
            guard inWindow || isNotificationAboutSentMessage(body) else {
                events.append(.rejected(.messageOutsideTimeWindow(messageID: messageID, skew: skew)))
                return
            }
        }
        let contentRelated = seqNo & 1 == 1
        guard received.insert(messageID) else {
            // The server repeats a message when our acknowledgement got lost: acknowledge again.
            if contentRelated { pendingAcks.append(messageID) }
            events.append(.rejected(.duplicateMessage(messageID)))
            return
        }
        if contentRelated { pendingAcks.append(messageID) }
        dispatch(consume body, messageID: messageID, now: now, inContainer: inContainer, inflated: false, events: &events)
    }

    /// Routes a message body by its constructor.
    private mutating func dispatch(
        _ body: consuming [UInt8], messageID: Int64, now: UnixTime, inContainer: Bool, inflated: Bool, events: inout [SessionEvent]
    ) {
        switch ServiceConstructor.of(body) {
        case ServiceConstructor.messageContainer:
            guard !inContainer, !inflated else {
                events.append(.rejected(.invalidContainer("a container inside a container")))
                return
            }
            guard let container = parse(MT.MessageContainer.self, body, events: &events) else { return }
            for inner in container.messages {
                receive(messageID: inner.msgId, seqNo: inner.seqno, body: inner.body.bytes, now: now, inContainer: true, events: &events)
            }
        case ServiceConstructor.gzipPacked:
            guard !inflated else {
                events.append(.rejected(.invalidCompressedData))
                return
            }
            do {
                let unpacked = try GzipPacked.unpack(body, limit: configuration.maximumInflatedSize)
                dispatch(unpacked, messageID: messageID, now: now, inContainer: inContainer, inflated: true, events: &events)
            } catch {
                events.append(.rejected(error))
            }
        case ServiceConstructor.rpcResult:
            handleRPCResult(consume body, events: &events)
        case ServiceConstructor.msgsAck:
            guard let ack = parse(MT.MsgsAck.self, body, events: &events) else { return }
            handleAcknowledgement(of: ack.msgIds)
        case ServiceConstructor.badMsgNotification, ServiceConstructor.badServerSalt:
            guard let notification = parse(MT.BadMsgNotification.self, body, events: &events) else { return }
            handleBadMessage(notification, notificationID: messageID, now: now, events: &events)
        case ServiceConstructor.msgsStateReq:
            guard let request = parse(MT.MsgsStateReq.self, body, events: &events) else { return }
            answerStateRequest(request, requestID: messageID)
        case ServiceConstructor.msgDetailedInfo, ServiceConstructor.msgNewDetailedInfo:
            guard let info = parse(MT.MsgDetailedInfo.self, body, events: &events) else { return }
            handleDetailedInfo(info)
        case ServiceConstructor.msgResendReq:
            guard let request = parse(MT.MsgResendReq.self, body, events: &events) else { return }
            let ids = request.msgIds.compactMap { requestsByMessageID[$0] }
            requeue(ids)
            if !ids.isEmpty { events.append(.resendScheduled(ids)) }
        case ServiceConstructor.futureSalts:
            guard let salts = parse(MT.FutureSalts.self, body, events: &events) else { return }
            futureSalts = salts.salts.sorted { $0.validSince < $1.validSince }
            answer(salts.reqMsgId, with: .success(TLRawObject(bytes: body)), events: &events)
        case ServiceConstructor.pong:
            guard let pong = parse(MT.Pong.self, body, events: &events) else { return }
            answer(pong.msgId, with: .success(TLRawObject(bytes: body)), events: &events)
        case ServiceConstructor.newSessionCreated:
            guard let created = parse(MT.NewSession.self, body, events: &events) else { return }
            handleNewSession(created, events: &events)
        case ServiceConstructor.msgsStateInfo, ServiceConstructor.msgsAllInfo, ServiceConstructor.msgCopy,
             ServiceConstructor.destroySessionOk, ServiceConstructor.destroySessionNone:
            // Status reports this client never asks for, and the deprecated msg_copy.
            break
        default:
            events.append(.update(TLRawObject(bytes: body)))
        }
    }

    /// Decodes a whole service-message body, reporting a malformed one as a rejection.
    private func parse<Object: TLDeserializable>(_ type: Object.Type, _ body: [UInt8], events: inout [SessionEvent]) -> Object? {
        do {
            return try Object(bytes: body)
        } catch {
            events.append(.rejected(.malformedBody(error)))
            return nil
        }
    }

    /// Whether `body` is a bad_msg_notification or bad_server_salt about a message this session sent.
    private func isNotificationAboutSentMessage(_ body: [UInt8]) -> Bool {
        let constructor = ServiceConstructor.of(body)
        guard constructor == ServiceConstructor.badMsgNotification || constructor == ServiceConstructor.badServerSalt,
              body.count >= 12
        else { return false }
        return wasRecentlySent(Int64(bitPattern: body.littleEndianUInt64(at: 4)))
    }

    /// Whether `messageID` is a request, container or acknowledgement this session sent recently.
    func wasRecentlySent(_ messageID: Int64) -> Bool {
        requestsByMessageID[messageID] != nil || sentContainers[messageID] != nil || sentAcks[messageID] != nil
    }

    /// Delivers the answer to the request sent as `messageID`, if it is still waiting.
    mutating func answer(_ messageID: Int64, with outcome: Result<TLRawObject, RPCError>, events: inout [SessionEvent]) {
        guard let id = requestsByMessageID.removeValue(forKey: messageID) else { return }
        requests.removeValue(forKey: id)
        events.append(.result(id, outcome))
    }
}
