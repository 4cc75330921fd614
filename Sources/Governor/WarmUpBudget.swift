import Foundation

/// A daily request budget that ramps up with use: `day1` requests on the first day, `growth` times as many
/// each following day, never more than `cap`.
///
/// Days are local days of the configured time zone, counted from the first day a request was admitted,
/// idle days included: an account that has been in use for a week is a week old.
public struct WarmUpBudget: Sendable, Equatable {
    /// Requests allowed on the first day (at least 1).
    public var day1: Int
    /// Factor by which the budget grows per day (at least 1).
    public var growth: Double
    /// The most requests allowed on any day (at least `day1`).
    public var cap: Int

    /// A budget of `day1` requests growing by `growth` per day up to `cap`.
    public init(day1: Int, growth: Double, cap: Int) {
        self.day1 = day1
        self.growth = growth
        self.cap = cap
    }

    /// Requests allowed on day `day` of use (1 for the first): `min(cap, day1 × growth^(day−1))`, rounded down.
    public func allowance(onDay day: Int) -> Int {
        let grown = Double(day1) * pow(growth, Double(max(day, 1) - 1))
        return grown >= Double(cap) ? cap : Int(grown)
    }
}
