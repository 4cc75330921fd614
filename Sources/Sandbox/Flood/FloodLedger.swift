/// The calls each account made recently, judged against a `FloodPolicy` (driven by the simulated clock).
public struct FloodLedger: Sendable, Equatable {
    private struct Key: Hashable, Sendable {
        let account: Int64
        let method: String
    }

    private var calls: [Key: [Double]] = [:]
    private var strikes: [Key: Int] = [:]
    private var lockedUntil: [Key: Double] = [:]

    /// An empty ledger.
    public init() {}

    /// Records a call of `method` by `account` at `now` (seconds) if the policy admits it; otherwise
    /// returns the whole seconds to wait (`FLOOD_WAIT_X`), the time until the window frees rounded up,
    /// doubled per consecutive refusal for escalating rules.
    public mutating func admit(method: String, account: Int64, now: Double, policy: FloodPolicy) -> Int? {
        guard let rule = policy.rules[method] else { return nil }
        let key = Key(account: account, method: method)
        if let until = lockedUntil[key], until > now {
            return Self.wholeSeconds(until - now)
        }
        var recent = (calls[key] ?? []).filter { $0 > now - rule.window }
        if recent.count >= rule.limit, let oldest = recent.first {
            var wait = oldest + rule.window - now
            if rule.escalates {
                let strike = (strikes[key] ?? 0) + 1
                strikes[key] = strike
                wait *= Double(1 << min(strike - 1, 16))
                lockedUntil[key] = now + wait
            }
            calls[key] = recent
            return Self.wholeSeconds(wait)
        }
        recent.append(now)
        calls[key] = recent
        strikes[key] = nil
        return nil
    }

    private static func wholeSeconds(_ interval: Double) -> Int {
        max(1, Int(interval.rounded(.up)))
    }
}
