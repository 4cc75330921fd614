import MTProto
import MTProtoTransport
import NIOCore
import TL

extension MTProtoConnection {
    /// Runs one link on `channel` until it fails; returns why, and whether it worked (`Link.hasWorked`).
    func serve(
        _ channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>, generation: Int
    ) async -> (error: ConnectionError, worked: Bool) {
        let outbound = OutboundQueue()
        let (flushes, flushSignal) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let reason: ConnectionError
        do {
            try await channel.executeThenClose { inbound, writer in
                try self.beginLink(generation: generation, outbound: outbound, flushSignal: flushSignal)
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { try await outbound.drain(into: writer) }
                    group.addTask { try await self.readFrames(from: inbound, generation: generation) }
                    group.addTask {
                        for await _ in flushes { await self.flush(generation: generation) }
                    }
                    group.addTask { try await self.acknowledgePeriodically(generation: generation) }
                    group.addTask { try await self.pingPeriodically(generation: generation) }
                    group.addTask { try await self.enforceKeyExchangeDeadline(generation: generation) }
                    // Children that end normally (the deadline once met) leave the link up; the first error ends it.
                    while try await group.next() != nil {}
                }
            }
            reason = .network("the link ended")
        } catch {
            reason = ConnectionError(error)
        }
        flushSignal.finish()
        let worked = link?.hasWorked ?? false
        link = nil
        return (reason, worked)
    }

    /// Installs the link and sends its first packets: the key exchange's first request, or the
    /// session's unanswered and waiting requests when a key is known.
    private func beginLink(
        generation: Int, outbound: OutboundQueue, flushSignal: AsyncStream<Void>.Continuation
    ) throws(TransportError) {
        let framing = try configuration.transport.makeFraming(
            random: random, maxFrameLength: configuration.maxFrameLength, mtproxy: configuration.mtproxySecret,
            dcID: Int16(clamping: configuration.dataCenterID))
        logger.debug("connected", metadata: ["transport": "\(configuration.transport)", "link": "\(generation)"])
        guard session != nil else {
            let (handshake, packet) = ClientHandshake.start(configuration: configuration.keyExchange, now: now(), random: &random)
            link = Link(generation: generation, framing: framing, outbound: outbound, flushSignal: flushSignal, phase: .exchangingKey(handshake))
            try send(packet)
            return
        }
        link = Link(generation: generation, framing: framing, outbound: outbound, flushSignal: flushSignal, phase: .ready)
        becomeReady(keyExchanged: false)
    }

    /// Starts the encrypted session on the current link: resends what the last link left
    /// unanswered, pushes waiting calls and sends them.
    func becomeReady(keyExchanged: Bool) {
        guard let generation = link?.generation else { return }
        link?.phase = .ready
        let resent = session?.requeueInFlightRequests() ?? []
        pushWaitingCalls()
        logger.debug("session ready", metadata: ["key_exchanged": "\(keyExchanged)", "resent": "\(resent.count)"])
        logger.debug("session id", metadata: ["session_id": "\(session?.sessionID ?? 0)"])
        eventSink.yield(.connected(keyExchanged: keyExchanged))
        flush(generation: generation)
    }

    /// Encodes one packet into a frame and queues it for the writer.
    func send(_ packet: [UInt8]) throws(TransportError) {
        var frame: [UInt8] = []
        try link?.framing.encode(packet, into: &frame)
        link?.outbound.enqueue(frame)
    }

    /// Sends every packet the session has ready (with pending acks when `acks` is set).
    func flush(generation: Int, acks: Bool = false) {
        guard let link, link.generation == generation, link.isReady else { return }
        while let packet = session?.nextPacket(now: now(), random: &random, flushAcks: acks) {
            do {
                try send(packet)
            } catch {
                link.outbound.fail(error)
                return
            }
        }
    }

    /// Feeds received bytes to the actor until the server closes the connection.
    private nonisolated func readFrames(from inbound: NIOAsyncChannelInboundStream<ByteBuffer>, generation: Int) async throws {
        for try await buffer in inbound {
            try await receive(buffer, generation: generation)
        }
        throw ConnectionError.network("the server closed the connection")
    }

    /// Sends pending acknowledgements every `ackInterval`, so that the server does not resend
    /// answers when the client has nothing else to send.
    private func acknowledgePeriodically(generation: Int) async throws {
        while true {
            try await Task.sleep(for: configuration.ackInterval)
            flush(generation: generation, acks: true)
        }
    }

    /// Sends `ping_delay_disconnect` every `pingInterval`; a ping unanswered by the next one
    /// means the link is dead.
    private func pingPeriodically(generation: Int) async throws {
        while true {
            try await Task.sleep(for: configuration.pingInterval)
            guard let current = link, current.generation == generation, current.isReady else { continue }
            guard current.keepalive == nil else { throw ConnectionError.unresponsive }
            let ping = MT.PingDelayDisconnect(pingId: Int64(bitPattern: randomUInt64()), disconnectDelay: configuration.disconnectDelay)
            link?.keepalive = session?.push(ping)
            flush(generation: generation)
        }
    }

    /// Fails the link if its key exchange has not finished within `keyExchangeTimeout`.
    private func enforceKeyExchangeDeadline(generation: Int) async throws {
        try await Task.sleep(for: configuration.keyExchangeTimeout)
        guard let link, link.generation == generation, !link.isReady else { return }
        throw ConnectionError.unresponsive
    }

    /// Eight random bytes as an integer.
    private func randomUInt64() -> UInt64 {
        random.bytes(8).reduce(0) { $0 << 8 | UInt64($1) }
    }
}
