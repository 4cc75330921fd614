import XCTest
@testable import Governor

/// A day of history paging with the default configuration against a model of Telegram's flood policy for
/// `messages.getHistory`, 30 requests per 30 seconds: no flood, and nearly all the throughput it allows.
///
/// Budgets are off: the day measures the buckets against the policy, and the default account budget
/// would (by design) stop the day at 50,000 requests.
final class DaySimulationTests: XCTestCase {
    private let day: TimeInterval = 86_400
    /// What the policy allows in a day: 30 requests per 30 s.
    private let allowedPerDay = 86_400.0

    private func simulation(history: RateLimit = GovernorConfiguration.defaultClasses.history) throws -> HistorySimulation {
        var configuration = GovernorConfiguration()
        configuration.classes.history = history
        configuration.accountWarmUp = nil
        configuration.timeZone = try zone("UTC")
        return HistorySimulation(
            governor: try RateGovernor.make(configuration),
            server: SlidingWindowFloodPolicy(limit: 30, window: 30),
            latency: 0.02...0.08)
    }

    func testTwoJobsPagingForADayCauseNoFloodAndGetOver95PercentOfTheAllowedThroughput() throws {
        var simulation = try simulation()

        let result = try simulation.run(jobs: 2, from: simulationStart, for: day)

        print("24 h, 2 jobs: \(result.accepted) accepted (\(percent(result.accepted)) of the policy's "
            + "\(Int(allowedPerDay))), \(result.floods) FLOOD_WAIT, \(result.deferrals) deferrals")
        XCTAssertEqual(result.floods, 0)
        XCTAssertGreaterThanOrEqual(Double(result.accepted) / allowedPerDay, 0.95)
    }

    func testOneJobAloneAlsoKeepsTheThroughput() throws {
        var simulation = try simulation()

        let result = try simulation.run(jobs: 1, from: simulationStart, for: day)

        print("24 h, 1 job: \(result.accepted) accepted (\(percent(result.accepted))), \(result.floods) FLOOD_WAIT")
        XCTAssertEqual(result.floods, 0)
        XCTAssertGreaterThanOrEqual(Double(result.accepted) / allowedPerDay, 0.95)
    }

    func testAWindowAlreadyFullAtStartCostsOneFloodAndNoneAfter() throws {
        var simulation = try simulation()
        // Another client used the account for 30 requests in the 10 seconds before the run.
        for index in 0..<30 {
            _ = simulation.server.receive(at: simulationStart.addingTimeInterval(Double(index) / 3 - 10))
        }

        let result = try simulation.run(jobs: 2, from: simulationStart, for: day)

        print("24 h, 2 jobs, full window at start: \(result.accepted) accepted (\(percent(result.accepted))), "
            + "\(result.floods) FLOOD_WAIT, \(result.deferrals) deferrals")
        XCTAssertLessThanOrEqual(result.floods, 2, "the first, and at most one more from a call already admitted")
        XCTAssertGreaterThanOrEqual(Double(result.accepted) / allowedPerDay, 0.95)
    }

    func testTheModelPolicyCatchesABucketThatOverfillsItsWindow() throws {
        // 1/s with a burst of 2 admits up to 32 calls in 30 s: the policy must answer with floods.
        var simulation = try simulation(history: RateLimit(perSecond: 1, burst: 2))

        let result = try simulation.run(jobs: 2, from: simulationStart, for: 3_600)

        print("1 h, 2 jobs, history at 1/s: \(result.accepted) accepted, \(result.floods) FLOOD_WAIT")
        XCTAssertGreaterThan(result.floods, 1)
    }

    private func percent(_ accepted: Int) -> String {
        String(format: "%.2f%%", Double(accepted) / allowedPerDay * 100)
    }
}
