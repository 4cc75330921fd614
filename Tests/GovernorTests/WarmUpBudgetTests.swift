import XCTest
@testable import Governor

/// Daily warm-up budgets: growth from day to day, local days, exhaustion as a typed deferral.
final class WarmUpBudgetTests: XCTestCase {
    /// Unlimited buckets, days in New York, and `account` as the account's budget.
    private func newYork(account: WarmUpBudget? = nil, jobs: [String: WarmUpBudget] = [:]) throws -> GovernorConfiguration {
        var configuration = GovernorConfiguration.unlimited
        configuration.timeZone = try zone("America/New_York")
        configuration.accountWarmUp = account
        configuration.jobWarmUps = jobs
        return configuration
    }

    /// Asks for calls at `now` until one is deferred: how many proceeded, and the deferral.
    private func spendAll(_ governor: RateGovernor, job: String? = nil, at now: Date) throws -> (Int, DeferralReason) {
        for count in 0..<10_000 {
            let admission = try governor.admit(AdmissionRequest(methodClass: .history, job: job, maxWait: 60), at: now)
            if case .defer(let reason) = admission { return (count, reason) }
        }
        throw TestFailure(description: "10,000 calls and none deferred")
    }

    func testAllowanceGrowsFromDay1ByGrowthUpToTheCap() {
        let budget = WarmUpBudget(day1: 100, growth: 1.5, cap: 400)
        XCTAssertEqual((1...7).map(budget.allowance(onDay:)), [100, 150, 225, 337, 400, 400, 400])
        XCTAssertEqual(budget.allowance(onDay: 10_000), 400, "no overflow")
    }

    func testAccountBudgetGrowsDayByDayAndRenewsAtLocalMidnightAcrossTheDSTChange() throws {
        let governor = try RateGovernor.make(newYork(account: WarmUpBudget(day1: 5, growth: 2, cap: 12)))
        var now = try instant("2025-03-07T20:00:00Z")  // 15:00 EST, the first day
        var spent: [Int] = []
        var renewals: [Date] = []
        for _ in 0..<4 {
            let (count, reason) = try spendAll(governor, at: now)
            guard case .budget(.account, let until) = reason else { return XCTFail("\(reason)") }
            spent.append(count)
            renewals.append(until)
            now = until
        }

        XCTAssertEqual(spent, [5, 10, 12, 12])
        XCTAssertEqual(renewals, [
            try instant("2025-03-08T05:00:00Z"),  // midnight EST
            try instant("2025-03-09T05:00:00Z"),
            try instant("2025-03-10T04:00:00Z"),  // midnight EDT: 9 March had 23 hours
            try instant("2025-03-11T04:00:00Z"),
        ])
    }

    func testLateEveningCallsCountTowardsTheLocalDayNotTheUTCDay() throws {
        let governor = try RateGovernor.make(newYork(account: WarmUpBudget(day1: 5, growth: 2, cap: 12)))
        for _ in 0..<4 {
            _ = try governor.callTime(.history, at: try instant("2025-03-07T20:00:00Z"))
        }

        // 23:30 EST on 7 March, already 8 March in UTC.
        let (count, reason) = try spendAll(governor, at: try instant("2025-03-08T04:30:00Z"))

        XCTAssertEqual(count, 1)
        XCTAssertEqual(reason, .budget(scope: .account, until: try instant("2025-03-08T05:00:00Z")))
    }

    func testIdleDaysCountTowardsTheWarmUp() throws {
        let governor = try RateGovernor.make(newYork(account: WarmUpBudget(day1: 5, growth: 2, cap: 100)))
        _ = try governor.callTime(.history, at: try instant("2025-03-07T20:00:00Z"))

        let (count, _) = try spendAll(governor, at: try instant("2025-03-11T20:00:00Z"))

        XCTAssertEqual(count, 80, "day 5: 5 × 2⁴")
    }

    func testExhaustedBudgetDefersAndSpendsNothing() throws {
        let store = InMemoryGovernorStateStore()
        let governor = try RateGovernor.make(newYork(account: WarmUpBudget(day1: 3, growth: 2, cap: 12)), store: store)
        let now = try instant("2025-03-07T20:00:00Z")
        _ = try spendAll(governor, at: now)
        let before = store.update { $0 }

        let admission = try governor.admit(AdmissionRequest(methodClass: .other, job: nil, maxWait: 0), at: now)

        XCTAssertEqual(admission, .defer(reason: .budget(scope: .account, until: try instant("2025-03-08T05:00:00Z"))))
        XCTAssertEqual(store.update { $0 }, before)
    }

    func testJobBudgetStopsOnlyThatJob() throws {
        let governor = try RateGovernor.make(newYork(jobs: ["small": WarmUpBudget(day1: 3, growth: 2, cap: 10)]))
        let now = try instant("2025-03-07T20:00:00Z")

        let (small, reason) = try spendAll(governor, job: "small", at: now)
        let other = try governor.admit(AdmissionRequest(methodClass: .history, job: "other", maxWait: 0), at: now)
        let (nextDay, _) = try spendAll(governor, job: "small", at: try instant("2025-03-08T12:00:00Z"))

        XCTAssertEqual(small, 3)
        XCTAssertEqual(reason, .budget(scope: .job("small"), until: try instant("2025-03-08T05:00:00Z")))
        XCTAssertEqual(other, .proceed(after: 0))
        XCTAssertEqual(nextDay, 6)
    }

    func testAccountBudgetIsSharedByAllJobs() throws {
        let governor = try RateGovernor.make(newYork(
            account: WarmUpBudget(day1: 4, growth: 2, cap: 10), jobs: ["a": WarmUpBudget(day1: 100, growth: 1, cap: 100)]))
        let now = try instant("2025-03-07T20:00:00Z")
        for job in ["a", "b", "a", "b"] {
            _ = try governor.callTime(.history, job: job, at: now)
        }

        for job in ["a", "b"] {
            let admission = try governor.admit(AdmissionRequest(methodClass: .history, job: job, maxWait: 0), at: now)
            XCTAssertEqual(admission, .defer(reason: .budget(scope: .account, until: try instant("2025-03-08T05:00:00Z"))))
        }
    }

    func testBothBudgetsAreEnforcedWhicheverIsSmaller() throws {
        let governor = try RateGovernor.make(newYork(
            account: WarmUpBudget(day1: 10, growth: 1, cap: 10), jobs: ["a": WarmUpBudget(day1: 2, growth: 1, cap: 2)]))
        let now = try instant("2025-03-07T20:00:00Z")

        let (a, aReason) = try spendAll(governor, job: "a", at: now)
        let (b, bReason) = try spendAll(governor, job: "b", at: now)

        XCTAssertEqual(a, 2)
        XCTAssertEqual(aReason, .budget(scope: .job("a"), until: try instant("2025-03-08T05:00:00Z")))
        XCTAssertEqual(b, 8)
        XCTAssertEqual(bReason, .budget(scope: .account, until: try instant("2025-03-08T05:00:00Z")))
    }
}
