/// A request budget that grows day by day, so that a new account or job starts gently: on day n
/// (from 1) it allows `day1 × growth^(n-1)` requests, never more than `cap`.
public struct Warmup: Hashable, Sendable {
    /// Requests allowed on the first day.
    public var day1: Int
    /// Factor by which the budget grows each day, at least 1.
    public var growth: Double
    /// The most requests allowed on any day, once grown; nil for no cap.
    public var cap: Int?

    /// Media bytes allowed on the first day (account warm-up only); nil for no daily byte budget.
    public var mediaDay1: Int64?
    /// The most media bytes allowed on any day, once grown by `growth`; nil for no cap.
    public var mediaCap: Int64?

    /// The growth used when a warm-up block leaves `growth` out.
    public static let defaultGrowth = 1.5

    /// A warm-up schedule.
    public init(day1: Int, growth: Double = Warmup.defaultGrowth, cap: Int? = nil, mediaDay1: Int64? = nil,
                mediaCap: Int64? = nil) {
        self.day1 = day1
        self.growth = growth
        self.cap = cap
        self.mediaDay1 = mediaDay1
        self.mediaCap = mediaCap
    }
}
