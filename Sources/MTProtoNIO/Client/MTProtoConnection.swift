import Logging
import MTProto
import MTProtoCrypto
import NIOCore
import NIOPosix
import TL

/// The client's connection to one data center: a TCP link running an MTProto session, with the
/// key exchange when no auth key is stored, keepalive pings, and reconnects with backoff.
///
/// Concurrency: an actor. Every piece of protocol state (framing, handshake, session, pending
/// calls) lives in it; NIO only moves bytes. Each link runs as a task group of a reader (bytes in,
/// to the actor), a writer (frames out, in the order the actor encoded them), a flusher (packs
/// queued requests into containers) and timers (acks, keepalive, key exchange deadline).
///
/// Calls made while disconnected wait; calls sent but unanswered when a link drops are sent
/// again on the next link, so callers see their results. The link starts with the first call.
public actor MTProtoConnection {
    /// Updates and other messages the server sent on its own, as TL bytes; finishes after `close()`.
    public nonisolated let updates: AsyncStream<TLRawObject>
    /// What happens to the link (connected, lost, reconnecting, new session, gave up, closed).
    public nonisolated let events: AsyncStream<ConnectionEvent>

    let configuration: ConnectionConfiguration
    let storage: any AuthKeyStorage
    let eventLoopGroup: any EventLoopGroup
    let logger: Logger
    let now: @Sendable () -> UnixTime
    var random: AnyRandomSource
    let updateSink: AsyncStream<TLRawObject>.Continuation
    let eventSink: AsyncStream<ConnectionEvent>.Continuation

    /// The encrypted session; it outlives links and is dropped only with its auth key.
    var session: ClientSession?
    /// The key, salt and time offset last handed to the storage.
    var persisted: StoredAuthKey?
    var calls = CallTable()
    var link: Link?
    var linkGenerations = 0
    /// Links in a row the server answered -404 for the current key, since one last worked.
    var keyRejections = 0
    var supervisor: Task<Void, Never>?
    var isStopped = false

    /// A connection as `configuration` describes, keeping its key in `authKeyStorage`. `random`
    /// supplies session ids, padding, key exchange secrets and reconnect jitter; `now` the wall
    /// clock for msg_ids. Nothing happens until the first call (or `start()`).
    public init(
        configuration: ConnectionConfiguration,
        authKeyStorage: any AuthKeyStorage,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger = Logger(label: "tgcron.mtproto.connection"),
        random: some RandomSource & Sendable = SystemRandom(),
        now: @escaping @Sendable () -> UnixTime = UnixTime.systemNow
    ) {
        self.configuration = configuration
        storage = authKeyStorage
        self.eventLoopGroup = eventLoopGroup
        var logger = logger
        logger[metadataKey: "dc"] = "\(configuration.dataCenterID)"
        self.logger = logger
        self.random = AnyRandomSource(random)
        self.now = now
        (updates, updateSink) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(configuration.updateBufferSize))
        (events, eventSink) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(256))
    }

    /// Starts connecting in the background, if not already started; calls do this themselves.
    public func start() {
        guard supervisor == nil, !isStopped else { return }
        supervisor = Task { await self.superviseLinks() }
    }

    /// Calls `function` and decodes its answer. Waits through reconnects until answered, `timeout`
    /// passes (`.timeout`), reconnecting gives up (the last link error), the connection is closed
    /// (`.closed`) or the task is cancelled (`CancellationError`); other failures are `ConnectionError`s too.
    public func invoke<Function: TLFunction>(_ function: Function, timeout: Duration? = nil) async throws -> Function.Result {
        let answer = try await invoke(raw: function.serialized(), timeout: timeout)
        do {
            return try answer.decode(resultOf: Function.self)
        } catch {
            throw ConnectionError.decoding(error)
        }
    }

    /// Calls the serialized TL function `body` and returns the answer's TL bytes; as `invoke(_:timeout:)`.
    public func invoke(raw body: [UInt8], timeout: Duration? = nil) async throws -> TLRawObject {
        guard !isStopped else { throw ConnectionError.closed }
        guard body.count <= configuration.maximumRequestSize else {
            throw ConnectionError.transport(.frameTooLarge(body.count))
        }
        let id = calls.makeID()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                enqueue(id, body: body, continuation: continuation, timeout: timeout)
            }
        } onCancel: {
            Task { await self.cancelCall(id) }
        }
    }

    /// Stops for good: fails pending calls with `.closed`, closes the link and waits until it is
    /// closed, saves the session's salt, and finishes `updates` and `events`.
    public func close() async {
        if !isStopped {
            stop()
        }
        let running = supervisor
        running?.cancel()
        await running?.value
        await persistSessionIfChanged()
    }

    /// How many calls wait for an answer.
    public var pendingCallCount: Int {
        calls.count
    }

    /// Fails every pending call with `.closed`, refuses new ones, ends the link and the streams.
    private func stop() {
        isStopped = true
        for call in calls.removeAll() {
            call.finish(.failure(ConnectionError.closed))
        }
        logger.debug("connection closed")
        eventSink.yield(.stopped)
        eventSink.finish()
        updateSink.finish()
        link?.outbound.fail(ConnectionError.closed)
    }
}
