import XCTest
@testable import Governor

/// AIMD: FLOOD_WAIT cools a class down and halves its rate; sustained success gives the rate back.
final class AdaptationTests: XCTestCase {
    /// History at 1/s with a burst of 1 and no human delay, so call times show the rate exactly.
    private var onePerSecond: GovernorConfiguration {
        var configuration = GovernorConfiguration.unlimited
        configuration.classes.history = RateLimit(perSecond: 1, burst: 1)
        return configuration
    }

    private func rateFactor(_ store: InMemoryGovernorStateStore, _ methodClass: MethodClass = .history) -> Double? {
        store.update { $0.classes[methodClass]?.rateFactor }
    }

    func testFloodWaitDefersTheClassUntilTheCoolDownEnds() throws {
        let governor = try RateGovernor.make(onePerSecond)
        try governor.recordFloodWait(.history, seconds: 30, at: simulationStart)

        let admission = try governor.admit(
            AdmissionRequest(methodClass: .history, job: nil, maxWait: 10), at: simulationStart.addingTimeInterval(1))

        XCTAssertEqual(admission, .defer(reason: .coolDown(until: simulationStart.addingTimeInterval(30))))
    }

    func testCoolDownShorterThanMaxWaitIsSleptThroughThenTheHalvedRateApplies() throws {
        let governor = try RateGovernor.make(onePerSecond)
        try governor.recordFloodWait(.history, seconds: 5, at: simulationStart)

        let first = try governor.callTime(.history, at: simulationStart, maxWait: 60)

        XCTAssertEqual(first.timeIntervalSince(simulationStart), 5 + 2, accuracy: 1e-6, "cool-down, then a fresh token at 0.5/s")
    }

    func testFloodWaitHalvesTheRate() throws {
        let governor = try RateGovernor.make(onePerSecond)
        _ = try governor.greedyCallTimes(.history, count: 10, from: simulationStart)
        try governor.recordFloodWait(.history, seconds: 20, at: simulationStart.addingTimeInterval(10))

        let times = try governor.greedyCallTimes(.history, count: 50, from: simulationStart.addingTimeInterval(10))

        XCTAssertGreaterThanOrEqual(try XCTUnwrap(times.first).timeIntervalSince(simulationStart), 30)
        for gap in gaps(times) {
            XCTAssertEqual(gap, 2, accuracy: 1e-6)
        }
    }

    func testAFloodOnOneClassLeavesTheOthersAlone() throws {
        let governor = try RateGovernor.make(onePerSecond)
        try governor.recordFloodWait(.history, seconds: 300, at: simulationStart)

        let other = try governor.callTime(.other, at: simulationStart, maxWait: 0)

        XCTAssertEqual(other, simulationStart)
    }

    func testRepeatedFloodsStopAtTheFloor() throws {
        let store = InMemoryGovernorStateStore()
        let governor = try RateGovernor.make(onePerSecond, store: store)
        for minute in 0..<10 {
            try governor.recordFloodWait(.history, seconds: 10, at: simulationStart.addingTimeInterval(Double(minute) * 60))
        }

        XCTAssertEqual(rateFactor(store), 0.125)
        let times = try governor.greedyCallTimes(.history, count: 5, from: simulationStart.addingTimeInterval(600))
        XCTAssertEqual(try XCTUnwrap(gaps(times).first), 8, accuracy: 1e-6, "an eighth of 1/s")
    }

    func testFloodsFromCallsAlreadyInFlightCutTheRateOnce() throws {
        let store = InMemoryGovernorStateStore()
        let governor = try RateGovernor.make(onePerSecond, store: store)
        try governor.recordFloodWait(.history, seconds: 20, at: simulationStart)
        try governor.recordFloodWait(.history, seconds: 19, at: simulationStart.addingTimeInterval(1))

        XCTAssertEqual(rateFactor(store), 0.5)
    }

    func testSustainedSuccessRestoresTheConfiguredRateAndNoMore() throws {
        let store = InMemoryGovernorStateStore()
        let governor = try RateGovernor.make(onePerSecond, store: store)
        try governor.recordFloodWait(.history, seconds: 1, at: simulationStart)
        var now = simulationStart
        var factors: [Double] = []
        for _ in 0..<200 {
            now = try governor.callTime(.history, at: now)
            try governor.recordSuccess(.history, at: now)
            factors.append(try XCTUnwrap(rateFactor(store)))
        }

        XCTAssertEqual(factors[18], 0.5, "no step before 20 successes")
        XCTAssertEqual(factors[19], 0.6, accuracy: 1e-9)
        XCTAssertEqual(factors[99], 1, accuracy: 1e-9, "five steps of a tenth")
        XCTAssertEqual(factors.max(), 1, "never above the configured rate")
        let times = try governor.greedyCallTimes(.history, count: 20, from: now)
        for gap in gaps(times) {
            XCTAssertEqual(gap, 1, accuracy: 1e-6)
        }
    }

    func testAFloodResetsTheSuccessStreak() throws {
        let store = InMemoryGovernorStateStore()
        let governor = try RateGovernor.make(onePerSecond, store: store)
        try governor.recordFloodWait(.history, seconds: 1, at: simulationStart)
        for second in 0..<19 {
            try governor.recordSuccess(.history, at: simulationStart.addingTimeInterval(Double(second + 2)))
        }
        try governor.recordFloodWait(.history, seconds: 1, at: simulationStart.addingTimeInterval(30))
        for second in 0..<19 {
            try governor.recordSuccess(.history, at: simulationStart.addingTimeInterval(Double(second + 32)))
        }

        XCTAssertEqual(rateFactor(store), 0.25)
    }
}
