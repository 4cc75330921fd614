import Logging
import Timekeeping

/// The one place the middlewares are put together, outermost first:
/// audit → flood wait → admission → retry → the connection.
///
/// Audit is outermost so a record is one logical call with all its waits. Admission sits inside the
/// flood-wait handling so a call repeated after a flood wait asks again; retries of transient
/// failures do not (they are the same request).
public struct InvocationPipeline: Sendable {
    /// Where records of calls go.
    public var audit: any AuditSink
    /// Who admits calls.
    public var admission: any AdmissionControl
    /// Who hears about flood waits.
    public var floodObserver: any FloodWaitObserver
    /// Where waits happen and time is read.
    public var clock: any ProgramClock
    /// The longest flood wait slept; longer waits defer the job.
    public var floodWaitMax: Duration
    /// The fraction by which each retry backoff may be shortened at random, so clients that failed together
    /// do not retry together (0 for exact backoffs).
    public var retryJitter: Double = 0
    /// Where retries of failed calls (at info) and flood waits capped at a week (a warning) are reported
    /// (nil: nowhere).
    public var logger: Logger?

    /// A pipeline; by default unlimited admission, real time and `FloodWaitMiddleware.defaultMaxWait`.
    public init(
        audit: any AuditSink = DiscardingAuditSink(), admission: any AdmissionControl = UnlimitedAdmission(),
        floodObserver: any FloodWaitObserver = IgnoringFloodWaitObserver(), clock: any ProgramClock = SystemProgramClock(),
        floodWaitMax: Duration = FloodWaitMiddleware.defaultMaxWait
    ) {
        self.audit = audit
        self.admission = admission
        self.floodObserver = floodObserver
        self.clock = clock
        self.floodWaitMax = floodWaitMax
    }

    /// The middlewares around `terminal`.
    public func wrap(_ terminal: any Invoker) -> any Invoker {
        let retry = RetryMiddleware(next: terminal, clock: clock, jitter: retryJitter, logger: logger)
        let admitted = AdmissionMiddleware(next: retry, admission: admission, clock: clock)
        let flood = FloodWaitMiddleware(
            next: admitted, clock: clock, observer: floodObserver, maxWait: floodWaitMax, logger: logger)
        return AuditMiddleware(next: flood, sink: audit, clock: clock)
    }
}
