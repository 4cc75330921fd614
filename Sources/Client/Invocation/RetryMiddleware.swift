import Logging
import MTProto
import TL
import Timekeeping

/// Repeats calls that failed for transient reasons with exponential backoff: `initialDelay`, doubled
/// each time up to `maxDelay`, each shortened at random by up to `jitter` of itself (so clients cut
/// off together do not come back in step), at most `maxAttempts` calls in all.
///
/// Transient: `500`, `-503`, `WORKER_BUSY_TOO_LONG_RETRY` and timeouts for every call, and a lost or
/// unusable connection for reads (`get…`, `resolve…`, `search…` methods), which are safe to send twice.
/// Other errors pass through at once. With the defaults and a 30 s call timeout, a server that stops
/// answering fails the call after about two minutes (4 × 30 s plus 7 s of backoff); each retry is logged
/// at info, so a stalled run is never silent.
public struct RetryMiddleware: Invoker {
    /// The rest of the pipeline.
    public let next: any Invoker
    /// Where backoff waits happen.
    public let clock: any ProgramClock
    /// Calls in all, the first included.
    public let maxAttempts: Int
    /// The first backoff, in seconds.
    public let initialDelay: Double
    /// The longest backoff, in seconds.
    public let maxDelay: Double
    /// The largest fraction (0…1) by which a backoff is shortened at random.
    public let jitter: Double
    /// Where retries are reported (nil: nowhere).
    public let logger: Logger?

    /// Wraps `next`; by default 4 attempts with backoffs of 1, 2 and 4 s, without jitter.
    public init(
        next: any Invoker, clock: any ProgramClock, maxAttempts: Int = 4, initialDelay: Double = 1, maxDelay: Double = 16,
        jitter: Double = 0, logger: Logger? = nil
    ) {
        self.next = next
        self.clock = clock
        self.maxAttempts = max(maxAttempts, 1)
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.jitter = min(max(jitter, 0), 1)
        self.logger = logger
    }

    /// Whether `error` is worth another attempt of any call.
    public static func isTransient(_ error: any Error) -> Bool {
        switch error {
        case ClientError.timeout: true
        case ClientError.rpc(let rpc): rpc.code == 500 || rpc.code == -503 || rpc.name == .workerBusyTooLongRetry
        default: false
        }
    }

    /// Whether `error` is worth another attempt of a call of `method`: transient errors, and for reads
    /// a connection that dropped, stopped answering or gave up reconnecting (not one closed on purpose).
    public static func isTransient(_ error: any Error, method: String) -> Bool {
        if isTransient(error) { return true }
        guard case ClientError.connection(let failure) = error, isRead(method) else { return false }
        switch failure {
        case .network, .unresponsive, .transport, .protocol: return true
        default: return false
        }
    }

    /// Whether `method` only reads, so sending it twice does no harm.
    public static func isRead(_ method: String) -> Bool {
        let name = method.split(separator: ".").last.map(String.init) ?? method
        return ["get", "resolve", "search"].contains { name.hasPrefix($0) }
    }

    /// Calls `next`, backing off and repeating on transient errors.
    public func invoke<Function: TLFunction>(_ function: Function) async throws -> Function.Result {
        var delay = initialDelay
        var attempt = 1
        while true {
            do {
                return try await next.invoke(function)
            } catch where attempt < maxAttempts && Self.isTransient(error, method: Function.tlName) {
                let wait = jittered(delay)
                logger?.info("call failed, retrying", metadata: [
                    "method": "\(Function.tlName)", "reason": "\(error)", "attempt": "\(attempt + 1)",
                    "of": "\(maxAttempts)", "after_s": "\((wait * 10).rounded() / 10)",
                ])
                attempt += 1
                try await clock.sleep(seconds: wait)
                delay = min(delay * 2, maxDelay)
            }
        }
    }

    /// `delay` shortened by a random fraction up to `jitter`.
    private func jittered(_ delay: Double) -> Double {
        guard jitter > 0 else { return delay }
        return delay * (1 - jitter * Double.random(in: 0...1))
    }
}
