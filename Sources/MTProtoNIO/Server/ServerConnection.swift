import Logging
import MTProto
import MTProtoCrypto
import MTProtoTransport
import NIOCore

/// One accepted connection of an `MTProtoServer`: detects the client's framing, runs key
/// exchanges and the session of the auth key the client uses, and dispatches requests to the
/// handler. An actor, like the client: protocol state lives here, NIO only moves bytes.
actor ServerConnection {
    let id: Int
    let configuration: ServerConfiguration
    let registry: AuthKeyRegistry
    let handler: any MTProtoRequestHandler
    let ledger: FaultLedger
    let logger: Logger
    let outbound = OutboundQueue()
    var framing: AutodetectingServerFraming
    var random = SystemRandom()
    /// Draws the random faults, seeded from the configured seed and the connection's number.
    var faultRandom: SeededRandom
    var handshake: ServerHandshake?
    /// The session of the auth key in use, checked out of the registry.
    var session: ServerSession?
    var handlers: [Int64: Task<Void, Never>] = [:]
    var repliesSent = 0
    /// Set once the connection is being closed: nothing more is read or answered.
    var isClosing = false

    /// A connection numbered `id`.
    init(
        id: Int, configuration: ServerConfiguration, registry: AuthKeyRegistry,
        handler: any MTProtoRequestHandler, ledger: FaultLedger, logger: Logger
    ) {
        self.id = id
        self.configuration = configuration
        self.registry = registry
        self.handler = handler
        self.ledger = ledger
        faultRandom = SeededRandom(seed: configuration.faults.seed &+ UInt64(id))
        var logger = logger
        logger[metadataKey: "connection"] = "\(id)"
        self.logger = logger
        framing = AutodetectingServerFraming(random: SystemRandom(), maxFrameLength: configuration.maxFrameLength)
    }

    /// Serves `channel` until the client leaves, sends something invalid, or the server closes
    /// the connection; then waits for running handlers and parks the session for a later connection.
    func run(_ channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>) async {
        let socket = channel.channel
        let rotation = configuration.faults.saltRotation.map { period in
            Task { await self.rotateSalt(every: period) }
        }
        do {
            try await channel.executeThenClose { inbound, writer in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { [outbound] in
                        // Ends when the connection closes on purpose, after writing everything queued.
                        try? await outbound.drain(into: writer)
                        socket.close(promise: nil)
                    }
                    for try await buffer in inbound {
                        try await receive(buffer)
                        if isClosing { break }
                    }
                    outbound.finish()
                    try await group.waitForAll()
                }
            }
            logger.debug("connection closed")
        } catch {
            logger.info("connection dropped", metadata: ["reason": "\(error)"])
        }
        rotation?.cancel()
        await finish()
    }

    /// Queues an update for the client, if the connection still has a session.
    func push(update body: [UInt8]) {
        guard !isClosing else { return }
        session?.send(update: body)
        flush()
    }

    /// Handles bytes from the client: every complete frame, then sends what they made ready.
    private func receive(_ buffer: ByteBuffer) async throws {
        framing.feed(buffer.readableBytesView)
        while !isClosing, let frame = try framing.nextFrame() {
            try await handle(TransportPadding.strip(consume frame, framing: framing.detected?.framing))
        }
        flush()
    }

    /// Routes a packet by its auth_key_id: zero for the key exchange, else the encrypted session.
    private func handle(_ packet: consuming [UInt8]) async throws {
        guard packet.count >= 8 else { throw MTProtoError.malformedMessage("packet of \(packet.count) bytes") }
        let keyID = packet[0..<8].reversed().reduce(Int64(0)) { $0 << 8 | Int64($1) }
        if keyID == 0 {
            try await exchangeKey(packet)
        } else {
            try await handleEncrypted(consume packet, keyID: keyID)
        }
    }

    /// Runs one step of the key exchange; a finished key goes into the shared registry.
    private func exchangeKey(_ packet: [UInt8]) async throws {
        var current = handshake ?? ServerHandshake(configuration: configuration.keyExchange)
        switch try current.receive(packet, now: UnixTime.systemNow(), random: &random) {
        case .send(let answer):
            handshake = current
            try send(answer)
        case .finished(let answer, let key):
            handshake = nil
            try send(answer)
            await registry.register(key)
            logger.debug("auth key created", metadata: ["auth_key_id": "\(key.authKey.id)"])
        }
    }

    /// Feeds an encrypted packet to the session of its key; an unknown key is answered with the
    /// transport error -404 and the connection closed, as Telegram does.
    private func handleEncrypted(_ packet: consuming [UInt8], keyID: Int64) async throws {
        if session?.authKey.id != keyID {
            await releaseSession()
            let spurious = await ledger.takeSpuriousKeyRejection(limit: configuration.faults.spuriousKeyRejections)
            guard !spurious, let found = await registry.checkOut(keyID, configuration: configuration.session) else {
                logger.info(spurious ? "injected fault: answering -404 to a key" : "unknown auth key; answering -404")
                try send(withUnsafeBytes(of: Int32(-404).littleEndian, Array.init))
                isClosing = true
                outbound.finish()
                return
            }
            session = found
        }
        injectBadTime()
        for event in session?.feed(consume packet, now: UnixTime.systemNow()) ?? [] {
            switch event {
            case .request(let request):
                startHandler(for: request)
            case .ignored(_, let code):
                await ledger.record(ignoredWith: code)
            case .rejected(let error):
                switch error {
                case .decryptionFailed, .malformedMessage: throw error
                default: logger.debug("ignored a message", metadata: ["reason": "\(error)"])
                }
            default:
                logger.trace("session event", metadata: ["event": "\(event)"])
            }
        }
    }

    /// Runs the handler for `request` in its own task.
    private func startHandler(for request: ReceivedRequest) {
        let context = RequestContext(
            authKeyID: session?.authKey.id ?? 0, sessionID: session?.sessionID ?? 0, connectionID: id,
            transport: framing.detected, connection: self)
        let delay = drawReplyDelay()
        handlers[request.messageID] = Task {
            let reply = await handler.handle(request, context: context)
            if let delay {
                try? await Task.sleep(for: delay)
                await ledger.record(\.delayedReplies)
            }
            await complete(request, with: reply)
        }
    }

    /// Sends a handler's reply, then applies the drop faults.
    private func complete(_ request: ReceivedRequest, with reply: HandlerReply) async {
        handlers[request.messageID] = nil
        guard !isClosing, session != nil else { return }
        switch reply {
        case .result(let bytes):
            session?.reply(to: request.messageID, result: bytes)
        case .error(let error):
            session?.reply(to: request.messageID, error: error)
        case .dropConnection:
            logger.info("handler dropped the connection")
            await close()
            return
        }
        repliesSent += 1
        flush()
        let dropsEveryK = configuration.faults.dropConnectionEvery.map { repliesSent % $0 == 0 } ?? false
        if dropsEveryK || faultRandom.chance(configuration.faults.dropProbability) {
            logger.info("fault: dropping the connection", metadata: ["replies": "\(repliesSent)"])
            await ledger.record(\.droppedConnections)
            await close()
        }
    }

    /// Sends every packet the session has ready.
    private func flush() {
        while let packet = session?.nextPacket(now: UnixTime.systemNow(), random: &random) {
            do {
                try send(packet)
            } catch {
                logger.error("cannot frame a packet", metadata: ["reason": "\(error)"])
                outbound.fail(error)
                return
            }
        }
    }

    /// Frames `packet` and queues it for the writer.
    private func send(_ packet: [UInt8]) throws(TransportError) {
        var frame: [UInt8] = []
        try framing.encode(packet, into: &frame)
        outbound.enqueue(frame)
    }

    /// Closes the connection once everything queued is written, parking the session first.
    private func close() async {
        isClosing = true
        await releaseSession()
        outbound.finish()
    }

    /// Hands the session back to the registry for the client's next connection.
    private func releaseSession() async {
        guard let current = session else { return }
        session = nil
        await registry.checkIn(current)
    }

    /// Stops running handlers, waits for them, and parks the session.
    private func finish() async {
        isClosing = true
        let running = handlers.values
        for task in running { task.cancel() }
        for task in running { await task.value }
        await releaseSession()
        await handler.connectionClosed(connectionID: id)
    }
}
