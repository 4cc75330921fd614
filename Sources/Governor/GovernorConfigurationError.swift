import Foundation

/// A setting of `GovernorConfiguration` that cannot work, with the offending values.
public enum GovernorConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A bucket's rate is zero, negative or not finite, so it would never (or always) admit.
    case nonPositiveRate(bucket: String, perSecond: Double)
    /// A bucket's burst is below one, so it could never hold the token a call needs.
    case burstBelowOne(bucket: String, burst: Int)
    /// The human delay range is negative, infinite or has its minimum above its maximum.
    case invalidHumanDelay(min: TimeInterval, max: TimeInterval)
    /// A warm-up budget starts below one request, shrinks from day to day or is capped below its first day.
    case invalidWarmUp(scope: String, budget: WarmUpBudget)
    /// An adaptation setting is out of its range.
    case invalidAdaptation(setting: String, value: Double)

    /// What is wrong and what would be accepted, for the person reading the log.
    public var description: String {
        switch self {
        case .nonPositiveRate(let bucket, let perSecond):
            "governor: the \(bucket) rate must be a positive number of requests per second, got \(perSecond)"
        case .burstBelowOne(let bucket, let burst):
            "governor: the \(bucket) burst must be at least 1, got \(burst)"
        case .invalidHumanDelay(let min, let max):
            "governor: human_delay_min (\(min) s) and human_delay_max (\(max) s) must be finite, "
                + "not negative, and min must not exceed max"
        case .invalidWarmUp(let scope, let budget):
            "governor: the \(scope) warm-up budget needs day1 ≥ 1, growth ≥ 1 and cap ≥ day1, "
                + "got day1 \(budget.day1), growth \(budget.growth), cap \(budget.cap)"
        case .invalidAdaptation(let setting, let value):
            "governor: adaptation \(setting) is out of range: \(value)"
        }
    }
}
