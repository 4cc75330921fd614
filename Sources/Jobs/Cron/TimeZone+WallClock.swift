import Foundation

extension TimeZone {
    /// The instant that a wall-clock minute names in this zone.
    ///
    /// - A minute repeated by a fall-back names its first occurrence (the earlier instant).
    /// - A minute skipped by a spring-forward names the first instant after the gap, that is the
    ///   transition itself: 02:30 on the spring-forward day in Europe/Berlin gives 03:00 local.
    func instant(for local: LocalMinute) -> Date {
        let wall = local.secondsAsIfUTC
        // Real offsets lie within -12h…+14h, so the instant lies within [wall - 14h, wall + 12h].
        // Sampling the offset just outside that span sees any single transition inside it.
        let earlyOffset = offset(atSecond: wall - 15 * 3600)
        let lateOffset = offset(atSecond: wall + 13 * 3600)
        let candidates = Set([earlyOffset, lateOffset])
            .map { wall - $0 }
            .filter { offset(atSecond: $0) == wall - $0 }
        if let first = candidates.min() {
            return Date(timeIntervalSince1970: TimeInterval(first))
        }
        return Date(timeIntervalSince1970: TimeInterval(transition(from: wall - earlyOffset, to: wall - lateOffset)))
    }

    /// The UTC offset in seconds in effect at `second` seconds after the epoch.
    private func offset(atSecond second: Int) -> Int {
        secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(second)))
    }

    /// The first second at which the offset differs from the one in effect at `low`, searched up to
    /// `high`; used only for a skipped wall-clock time, whose gap lies between the two.
    private func transition(from low: Int, to high: Int) -> Int {
        let before = offset(atSecond: min(low, high))
        var lower = min(low, high)
        var upper = max(low, high)
        while upper - lower > 1 {
            let middle = lower + (upper - lower) / 2
            if offset(atSecond: middle) == before { lower = middle } else { upper = middle }
        }
        return upper
    }
}
