import Foundation

extension DeferralReason: CustomStringConvertible {
    /// A sentence for the log saying why the call waits and until when (UTC, ISO 8601).
    public var description: String {
        switch self {
        case .budget(.account, let until):
            "the account's daily warm-up budget is spent until \(Self.format(until))"
        case .budget(.job(let name), let until):
            "job \(name)'s daily warm-up budget is spent until \(Self.format(until))"
        case .coolDown(let until):
            "cooling down after FLOOD_WAIT until \(Self.format(until))"
        case .rateLimit(let until):
            "rate limit: no token before \(Self.format(until))"
        }
    }

    private static func format(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
