import MTProtoNIO
import Timekeeping

/// Everything a `TelegramClient` needs besides its session store: who it is, which servers, how it
/// connects, and the parts of the invocation pipeline (audit, admission, flood waits, clock).
public struct TelegramClientConfiguration: Sendable {
    /// The app identity (api id and hash) sent to Telegram.
    public var identity: ClientIdentity
    /// Production Telegram or a custom server.
    public var endpoints: ServerEndpoints
    /// The framing of the byte stream.
    public var transport: ClientTransport
    /// The proxy every connection goes through, or nil to connect directly.
    public var proxy: ConnectionProxy?
    /// How long one call may wait for its answer.
    public var callTimeout: Duration
    /// The longest flood wait slept, in seconds; longer waits defer the job.
    public var floodWaitMax: Duration
    /// How often each connection pings the server to notice a dead link.
    public var connectionCheckInterval: Duration
    /// When and how often connections reconnect after losing their link.
    public var reconnect: ReconnectPolicy
    /// Whether every call goes through a takeout session (`account.initTakeoutSession`, lower limits).
    public var takeout: Bool
    /// The fraction of each retry backoff that may be cut at random (see `InvocationPipeline.retryJitter`).
    public var retryJitter: Double = 0.25
    /// Where records of calls go, for `TelegramClient.invoker`.
    public var audit: any AuditSink
    /// Who admits calls, for `TelegramClient.invoker`.
    public var admission: any AdmissionControl
    /// Who hears about flood waits.
    public var floodObserver: any FloodWaitObserver
    /// Where waits happen and time is read.
    public var clock: any ProgramClock

    /// A configuration; the defaults use obfuscated padded intermediate framing, 30 s calls, a 300 s
    /// flood-wait ceiling, a ping every 60 s, no takeout, no audit, unlimited admission and real time.
    public init(
        identity: ClientIdentity, endpoints: ServerEndpoints = .production,
        transport: ClientTransport = .obfuscatedPaddedIntermediate, callTimeout: Duration = .seconds(30),
        floodWaitMax: Duration = FloodWaitMiddleware.defaultMaxWait, connectionCheckInterval: Duration = .seconds(60),
        reconnect: ReconnectPolicy = ReconnectPolicy(),
        takeout: Bool = false, audit: any AuditSink = DiscardingAuditSink(), admission: any AdmissionControl = UnlimitedAdmission(),
        floodObserver: any FloodWaitObserver = IgnoringFloodWaitObserver(), clock: any ProgramClock = SystemProgramClock()
    ) {
        self.identity = identity
        self.endpoints = endpoints
        self.transport = transport
        self.callTimeout = callTimeout
        self.floodWaitMax = floodWaitMax
        self.connectionCheckInterval = connectionCheckInterval
        self.reconnect = reconnect
        self.takeout = takeout
        self.audit = audit
        self.admission = admission
        self.floodObserver = floodObserver
        self.clock = clock
    }
}
