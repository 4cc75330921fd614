import MTProtoCrypto

/// When a connection retries after losing its link: exponential backoff with random jitter, capped,
/// and optionally a limit on consecutive failed attempts after which the connection gives up.
public struct ReconnectPolicy: Sendable, Hashable {
    /// The delay before reconnecting after a link that worked is lost.
    public var initialDelay: Duration
    /// The longest delay between attempts.
    public var maximumDelay: Duration
    /// The factor the delay grows by with each consecutive failed attempt.
    public var multiplier: Double
    /// The largest fraction (0...1) by which a delay is shortened at random, so that many clients
    /// cut off together do not come back in step.
    public var jitter: Double
    /// How many consecutive attempts may fail (never reaching a working session) before the
    /// connection stops and fails its pending calls; nil retries forever.
    public var maximumFailedAttempts: Int?

    /// A policy; the defaults retry after 0.5 s, doubling up to 30 s, with 20 % jitter, and give up
    /// after 8 consecutive failed attempts (about two minutes).
    public init(
        initialDelay: Duration = .milliseconds(500),
        maximumDelay: Duration = .seconds(30),
        multiplier: Double = 2,
        jitter: Double = 0.2,
        maximumFailedAttempts: Int? = 8
    ) {
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.multiplier = multiplier
        self.jitter = jitter
        self.maximumFailedAttempts = maximumFailedAttempts
    }

    /// The delay before the next attempt after `failures` consecutive failed attempts (0 after a
    /// link that worked): `initialDelay * multiplier^failures`, capped at `maximumDelay`, then
    /// shortened by up to `jitter` of itself using 4 bytes drawn from `random`.
    public func delay(afterFailures failures: Int, random: inout some RandomSource) -> Duration {
        var delay = initialDelay
        var remaining = failures
        while remaining > 0, delay < maximumDelay {
            delay = delay * max(multiplier, 1)
            remaining -= 1
        }
        delay = min(delay, maximumDelay)
        let draw = random.bytes(4).reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        let fraction = Double(draw) / Double(UInt32.max)
        return delay * (1 - min(max(jitter, 0), 1) * fraction)
    }

    /// Whether `failures` consecutive failed attempts exhaust the policy.
    func isExhausted(afterFailures failures: Int) -> Bool {
        maximumFailedAttempts.map { failures >= $0 } ?? false
    }
}
