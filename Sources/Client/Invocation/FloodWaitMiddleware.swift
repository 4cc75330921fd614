import Logging
import MTProto
import TL
import Timekeeping

/// Handles `FLOOD_WAIT_X`, `FLOOD_PREMIUM_WAIT_X` and `SLOWMODE_WAIT_X`: a wait up to `maxWait`
/// is slept and the call repeated (at most `maxRetries` times); a longer wait, or one still
/// there after the retries, throws `ClientError.floodDeferred` so the job runs later instead of
/// hammering the server. Every wait is reported to `observer`.
public struct FloodWaitMiddleware: Invoker {
    /// The rest of the pipeline.
    public let next: any Invoker
    /// Where waits happen.
    public let clock: any ProgramClock
    /// Who hears about waits.
    public let observer: any FloodWaitObserver
    /// The longest wait slept (`flood_wait_max`).
    public let maxWait: Duration
    /// How many times one call is repeated after sleeping.
    public let maxRetries: Int
    /// Where a wait capped at `RPCError.longestWait` is reported (nil: nowhere).
    public let logger: Logger?

    /// The longest wait slept unless configured otherwise: 5 minutes, the one default of `flood_wait_max`
    /// for the library (`Jobs.TelegramClientSettings` repeats it for settings files; a test keeps them equal).
    public static let defaultMaxWait: Duration = .seconds(300)

    /// Wraps `next`; by default sleeps waits up to `defaultMaxWait`, once per call.
    public init(
        next: any Invoker, clock: any ProgramClock, observer: any FloodWaitObserver = IgnoringFloodWaitObserver(),
        maxWait: Duration = defaultMaxWait, maxRetries: Int = 1, logger: Logger? = nil
    ) {
        self.next = next
        self.clock = clock
        self.observer = observer
        self.maxWait = maxWait
        self.maxRetries = maxRetries
        self.logger = logger
    }

    /// Calls `next`, sleeping through short flood waits.
    public func invoke<Function: TLFunction>(_ function: Function) async throws -> Function.Result {
        var retries = 0
        while true {
            do {
                return try await next.invoke(function)
            } catch ClientError.rpc(let error) where error.waitSeconds != nil {
                let seconds = max(error.waitSeconds ?? 0, 0)
                if seconds == RPCError.longestWait, error.value != seconds {
                    logger?.warning("Telegram asked to wait longer than a week; treating it as a week", metadata: [
                        "method": "\(Function.tlName)", "error": "\(error.message)",
                    ])
                }
                await observer.floodWait(method: Function.tlName, seconds: seconds)
                guard .seconds(seconds) <= maxWait, retries < maxRetries else {
                    throw ClientError.floodDeferred(seconds: seconds, method: Function.tlName)
                }
                retries += 1
                try await clock.sleep(seconds: Double(seconds))
            }
        }
    }
}
