import Foundation

/// A token bucket's contents: the tokens it held at an instant.
///
/// The instant may lie in the future: a call admitted to run later takes its token at that time, and
/// later requests queue behind it. Nothing refills before that instant.
struct TokenBucket: Codable, Equatable, Sendable {
    /// Tokens held at `asOf`; below zero after a FLOOD_WAIT drained the bucket.
    private(set) var level: Double = 0
    /// When `level` held. A new bucket was last measured at `distantPast`, so it reads as full.
    private(set) var asOf: Date = .distantPast

    /// Tokens held at `instant` under `limit`: `level` before `asOf`, refilled up to the burst after it.
    func level(at instant: Date, limit: RateLimit) -> Double {
        guard instant > asOf else { return level }
        return min(Double(limit.burst), level + instant.timeIntervalSince(asOf) * limit.perSecond)
    }

    /// The latest instant a token was booked at (or the bucket was settled or drained to).
    var lastTake: Date { asOf }

    /// The first instant, not before `now` nor before calls already booked, at which a token is there to take.
    func earliestTake(notBefore now: Date, limit: RateLimit) -> Date {
        let start = max(now, asOf)
        let available = level(at: start, limit: limit)
        return available >= 1 ? start : start.addingTimeInterval((1 - available) / limit.perSecond)
    }

    /// Takes one token at `instant` (found with `earliestTake`).
    mutating func take(at instant: Date, limit: RateLimit) {
        level = level(at: instant, limit: limit) - 1
        asOf = max(asOf, instant)
    }

    /// Brings the refill up to `now` under `limit`, before the rate changes, so time already passed keeps
    /// the rate it passed at.
    mutating func settle(at now: Date, limit: RateLimit) {
        guard now > asOf else { return }
        level = level(at: now, limit: limit)
        asOf = now
    }

    /// Empties the bucket and holds it empty until `instant`: the first call after a cool-down waits for a
    /// fresh token instead of spending tokens saved before it.
    mutating func drain(until instant: Date) {
        level = min(level, 0)
        asOf = max(asOf, instant)
    }
}
