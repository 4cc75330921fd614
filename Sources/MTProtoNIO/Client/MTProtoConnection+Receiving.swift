import MTProto
import MTProtoTransport
import NIOCore
import TL

extension MTProtoConnection {
    /// Handles bytes read from link `generation`: every complete frame, then saves a changed
    /// key or salt and sends what the frames made ready (answers to service messages, resends).
    /// Throws to drop the link.
    func receive(_ buffer: ByteBuffer, generation: Int) async throws {
        guard link?.generation == generation else { return }
        link?.framing.feed(buffer.readableBytesView)
        do {
            while let frame = try link?.framing.nextFrame() {
                try handle(TransportPadding.strip(consume frame, framing: configuration.transport.framing))
            }
        } catch TransportError.serverError(let code) where code == -404 && session != nil {
            await keyRejected()
            throw ConnectionError.transport(.serverError(code: code))
        }
        await persistSessionIfChanged()
        flush(generation: generation)
    }

    /// Handles one frame according to the link's phase.
    private func handle(_ frame: consuming [UInt8]) throws(ConnectionError) {
        switch link?.phase {
        case .exchangingKey(var handshake):
            let progress: ClientHandshake.Progress
            do {
                progress = try handshake.receive(frame, now: now(), random: &random)
            } catch {
                throw .keyExchange(error)
            }
            switch progress {
            case .send(let packet):
                link?.phase = .exchangingKey(handshake)
                do {
                    try send(packet)
                } catch {
                    throw .transport(error)
                }
            case .finished(let key):
                session = ClientSession(
                    authKey: key.authKey, salt: key.firstSalt, timeOffset: key.timeOffset,
                    configuration: configuration.session, random: &random)
                logger.info("auth key created")
                logger.debug("auth key id", metadata: ["auth_key_id": "\(key.authKey.id)"])
                link?.hasWorked = true
                becomeReady(keyExchanged: true)
            }
        case .ready:
            guard let events = session?.feed(consume frame, now: now()) else { return }
            for event in events {
                try handle(event)
            }
            link?.hasWorked = true
        case nil:
            return
        }
    }

    /// Acts on one session event: answers callers, passes updates on, and drops the link for
    /// packets that cannot come from the server holding our key.
    private func handle(_ event: SessionEvent) throws(ConnectionError) {
        switch event {
        case .result(let requestID, let outcome):
            if !settleKeepalive(requestID) {
                finishRequest(requestID, with: outcome.mapError(ConnectionError.rpc))
            }
        case .failed(let requestID, let error):
            if !settleKeepalive(requestID) {
                finishRequest(requestID, with: .failure(.protocol(error)))
            }
        case .update(let update):
            updateSink.yield(update)
        case .newSession(let firstMessageID):
            logger.debug("the server started a new session")
            logger.debug("new session", metadata: ["first_msg_id": "\(firstMessageID)"])
            eventSink.yield(.newSession)
        case .resendScheduled(let requestIDs):
            logger.debug("requests will be resent", metadata: ["count": "\(requestIDs.count)"])
        case .rejected(let error):
            switch error {
            case .decryptionFailed, .malformedMessage:
                throw .protocol(error)
            default:
                logger.debug("ignored a message", metadata: ["reason": "\(error)"])
            }
        }
    }

    /// Whether `requestID` is the outstanding keepalive ping; if so it is no longer outstanding.
    private func settleKeepalive(_ requestID: RequestID) -> Bool {
        guard requestID == link?.keepalive else { return false }
        link?.keepalive = nil
        return true
    }
}
