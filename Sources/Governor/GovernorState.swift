/// Everything the governor remembers between calls, runs and processes: bucket levels, adapted rates,
/// cool-downs and budgets spent. A `GovernorStateStore` keeps it; it encodes to JSON with `Codable`.
public struct GovernorState: Codable, Equatable, Sendable {
    /// The account-wide bucket.
    var account = TokenBucket()
    /// Per-class buckets and adaptation; a class missing here has never been called.
    var classes: [MethodClass: ClassState] = [:]
    /// The account's budget use, from the first admitted request on.
    var accountUsage: BudgetUsage?
    /// Each job's budget use, by job name.
    var jobUsage: [String: BudgetUsage] = [:]

    /// The state of an account never governed before: full buckets, configured rates, nothing spent.
    public init() {}

    /// Budget use of `scope`, nil before its first request.
    func usage(of scope: BudgetScope) -> BudgetUsage? {
        switch scope {
        case .account: accountUsage
        case .job(let name): jobUsage[name]
        }
    }

    /// Counts one request under `scope` on `day`, making `day` the first day of use if there was none.
    mutating func spend(_ scope: BudgetScope, on day: LocalDay) {
        var usage = usage(of: scope) ?? BudgetUsage(firstDay: day)
        usage.spend(on: day)
        switch scope {
        case .account: accountUsage = usage
        case .job(let name): jobUsage[name] = usage
        }
    }
}
