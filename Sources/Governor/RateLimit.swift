import Foundation

/// The shape of a token bucket: how fast tokens come back and how many may be saved up.
public struct RateLimit: Sendable, Equatable {
    /// Tokens added per second: the sustained request rate.
    public var perSecond: Double
    /// The most tokens the bucket holds: how many calls may follow each other closely after an idle spell.
    public var burst: Int

    /// A bucket refilling at `perSecond` that holds at most `burst` tokens.
    public init(perSecond: Double, burst: Int) {
        self.perSecond = perSecond
        self.burst = burst
    }

    /// The time one token takes to come back: the spacing of calls at the sustained rate (0 for a rate that
    /// is not positive, which validation refuses).
    var tokenInterval: TimeInterval {
        perSecond > 0 ? 1 / perSecond : 0
    }

    /// The same bucket refilling `factor` times as fast (the share of its rate adaptation currently allows).
    func scaled(by factor: Double) -> RateLimit {
        RateLimit(perSecond: perSecond * factor, burst: burst)
    }
}
