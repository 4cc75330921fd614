import MTProto
import TL

/// Repeats calls that failed for transient server reasons (`500`, `-503`, `WORKER_BUSY_TOO_LONG_RETRY`,
/// timeouts) with exponential backoff: `initialDelay`, doubled each time up to `maxDelay`, at most
/// `maxAttempts` calls in all. Other errors pass through at once.
public struct RetryMiddleware: Invoker {
    /// The rest of the pipeline.
    public let next: any Invoker
    /// Where backoff waits happen.
    public let clock: any ClientClock
    /// Calls in all, the first included.
    public let maxAttempts: Int
    /// The first backoff, in seconds.
    public let initialDelay: Double
    /// The longest backoff, in seconds.
    public let maxDelay: Double

    /// Wraps `next`; by default 4 attempts with backoffs of 1, 2 and 4 s.
    public init(next: any Invoker, clock: any ClientClock, maxAttempts: Int = 4, initialDelay: Double = 1, maxDelay: Double = 16) {
        self.next = next
        self.clock = clock
        self.maxAttempts = max(maxAttempts, 1)
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
    }

    /// Whether `error` is worth another attempt.
    public static func isTransient(_ error: any Error) -> Bool {
        switch error {
        case ClientError.timeout: true
        case ClientError.rpc(let rpc): rpc.code == 500 || rpc.code == -503 || rpc.name == "WORKER_BUSY_TOO_LONG_RETRY"
        default: false
        }
    }

    /// Calls `next`, backing off and repeating on transient errors.
    public func invoke<Function: TLFunction>(_ function: Function) async throws -> Function.Result {
        var delay = initialDelay
        var attempt = 1
        while true {
            do {
                return try await next.invoke(function)
            } catch where attempt < maxAttempts && Self.isTransient(error) {
                attempt += 1
                try await clock.sleep(seconds: delay)
                delay = min(delay * 2, maxDelay)
            }
        }
    }
}
