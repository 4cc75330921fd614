/// The calls each account made recently, judged against a `FloodPolicy` (driven by the simulated clock).
public struct FloodLedger: Sendable, Equatable {
    private struct Key: Hashable, Sendable {
        let account: Int64
        let method: String
    }

    private var calls: [Key: [Double]] = [:]
    private var lockedUntil: [Key: Double] = [:]
    /// Bytes served by `upload.getFile` per account, with when.
    private var downloads: [Int64: [Served]] = [:]

    private struct Served: Sendable, Equatable {
        let time: Double
        let bytes: Int
    }

    /// An empty ledger.
    public init() {}

    /// Records a call of `method` by `account` at `now` (seconds) if the policy admits it; otherwise
    /// returns the whole seconds to wait (`FLOOD_WAIT_X`): the time until the window frees, rounded up.
    /// Escalating rules lock the method until then, and each call during the lock doubles what remains.
    public mutating func admit(method: String, account: Int64, now: Double, policy: FloodPolicy) -> Int? {
        guard let rule = policy.rules[method] else { return nil }
        let key = Key(account: account, method: method)
        if let until = lockedUntil[key], until > now {
            let wait = (until - now) * 2
            lockedUntil[key] = now + wait
            return Self.wholeSeconds(wait)
        }
        var recent = (calls[key] ?? []).filter { $0 > now - rule.window }
        if recent.count >= rule.limit, let oldest = recent.first {
            let wait = oldest + rule.window - now
            if rule.escalates { lockedUntil[key] = now + wait }
            calls[key] = recent
            return Self.wholeSeconds(wait)
        }
        recent.append(now)
        calls[key] = recent
        return nil
    }

    /// Records `bytes` served to `account` at `now` if `budget` (bytes per window) admits them; otherwise
    /// returns the whole seconds until enough of the window frees (`FLOOD_PREMIUM_WAIT_X`).
    public mutating func admit(bytes: Int, account: Int64, now: Double, budget: FloodRule) -> Int? {
        var recent = (downloads[account] ?? []).filter { $0.time > now - budget.window }
        var total = recent.reduce(0) { $0 + $1.bytes }
        guard total + bytes > budget.limit else {
            recent.append(Served(time: now, bytes: bytes))
            downloads[account] = recent
            return nil
        }
        var freesAt = now
        for entry in recent where total + bytes > budget.limit {
            total -= entry.bytes
            freesAt = entry.time + budget.window
        }
        downloads[account] = recent
        return Self.wholeSeconds(freesAt - now)
    }

    private static func wholeSeconds(_ interval: Double) -> Int {
        max(1, Int(interval.rounded(.up)))
    }
}
