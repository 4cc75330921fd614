import XCTest
@testable import Governor

/// The buckets seen through admissions: rate and burst over long spans, spacing after idle, and what a
/// deferral costs.
final class TokenBucketTests: XCTestCase {
    /// History limited to 0.5/s with a burst of 2 and the default human gaps; everything else unlimited.
    private var halfPerSecond: GovernorConfiguration {
        var configuration = GovernorConfiguration.unlimited
        configuration.classes.history = RateLimit(perSecond: 0.5, burst: 2)
        configuration.humanDelayMin = GovernorConfiguration.defaultHumanDelay.lowerBound
        configuration.humanDelayMax = GovernorConfiguration.defaultHumanDelay.upperBound
        return configuration
    }

    func testGreedyCallerStaysWithinBurstPlusRateInEveryWindowForHours() throws {
        var configuration = halfPerSecond
        configuration.humanDelayMin = 0
        configuration.humanDelayMax = 0
        let governor = try RateGovernor.make(configuration)
        let times = try governor.greedyCallTimes(.history, count: 5_000, from: simulationStart)

        for window in [1.0, 10, 30, 60, 600, 3_600] {
            XCTAssertLessThanOrEqual(Double(busiestWindow(times, length: window)), 2 + 0.5 * window, "window \(window) s")
        }
        let span = try XCTUnwrap(times.last).timeIntervalSince(simulationStart)
        XCTAssertEqual(Double(times.count) / span, 0.5, accuracy: 0.001, "sustained rate")
    }

    func testHumanGapsKeepTheSustainedRateWithinOnePercent() throws {
        let governor = try RateGovernor.make(halfPerSecond)
        let times = try governor.greedyCallTimes(.history, count: 1_000, from: simulationStart)

        let spacing = gaps(times)
        XCTAssertGreaterThan(try XCTUnwrap(spacing.max()) - XCTUnwrap(spacing.min()), 0.3, "calls are jittered")
        let span = try XCTUnwrap(times.last).timeIntervalSince(simulationStart)
        XCTAssertGreaterThan(Double(times.count) / span, 0.495)
    }

    func testFirstCallsAfterALongIdleAreSpacedNotBursted() throws {
        let governor = try RateGovernor.make(halfPerSecond)
        let morning = try governor.greedyCallTimes(.history, count: 10, from: simulationStart)
        let idleEnd = try XCTUnwrap(morning.last).addingTimeInterval(86_400)

        let times = try governor.greedyCallTimes(.history, count: 10, from: idleEnd)

        XCTAssertGreaterThanOrEqual(try XCTUnwrap(gaps(times).min()), 0.5, "at least the minimum gap apart")
        XCTAssertLessThanOrEqual(busiestWindow(times, length: 2), 2, "no more than the burst")
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(times.last).timeIntervalSince(idleEnd), 8 / 0.5, "then the rate")
    }

    func testGapsAreDrawnAroundTheSpacingNeverUnderTheMinimum() throws {
        var configuration = halfPerSecond
        configuration.humanDelayMin = 1.5
        let governor = try RateGovernor.make(configuration)
        let spacing = gaps(try governor.greedyCallTimes(.history, count: 2_000, from: simulationStart))

        XCTAssertGreaterThanOrEqual(try XCTUnwrap(spacing.min()), 1.5 - 1e-9)
        XCTAssertLessThanOrEqual(try XCTUnwrap(spacing.max()), 3 + 1e-9)
        let mean = spacing.reduce(0, +) / Double(spacing.count)
        XCTAssertEqual(mean, 2, accuracy: 0.05, "the governed rate's spacing on average")
        XCTAssertGreaterThan(try XCTUnwrap(spacing.max()) - XCTUnwrap(spacing.min()), 0.8, "irregular")
    }

    func testDeferralSpendsNoTokens() throws {
        let store = InMemoryGovernorStateStore()
        let governor = try RateGovernor.make(halfPerSecond, store: store)
        _ = try governor.greedyCallTimes(.history, count: 4, from: simulationStart)
        let before = store.update { $0 }

        let admission = try governor.admit(AdmissionRequest(methodClass: .history, job: "news", maxWait: 0), at: simulationStart)

        guard case .defer(reason: .rateLimit) = admission else { return XCTFail("\(admission)") }
        XCTAssertEqual(store.update { $0 }, before)
    }

    func testAMaximumWaitUnderOneTokensRefillDoesNotDeferTheSteadyPacing() throws {
        let governor = try RateGovernor.make(halfPerSecond)
        let last = try XCTUnwrap(governor.greedyCallTimes(.history, count: 2, from: simulationStart).last)

        let admission = try governor.admit(AdmissionRequest(methodClass: .history, job: nil, maxWait: 0.1), at: last)

        guard case .proceed(let delay) = admission else { return XCTFail("the bucket refills in 2 s: \(admission)") }
        XCTAssertGreaterThan(delay, 0.1, "the token wait is slept, not refused")
        XCTAssertLessThanOrEqual(delay, 2 + 2.8, "one token's refill, then at most the widest gap")
    }

    func testACoolDownLongerThanTheMaximumWaitStillDefersUnderOneTokensRefill() throws {
        let governor = try RateGovernor.make(halfPerSecond)
        try governor.recordFloodWait(.history, seconds: 1, at: simulationStart)

        let admission = try governor.admit(AdmissionRequest(methodClass: .history, job: nil, maxWait: 0.1), at: simulationStart)

        guard case .defer(reason: .coolDown) = admission else { return XCTFail("\(admission)") }
    }

    func testTokensAreSpentWhenAdmittedSoTheNextCallerQueuesBehind() throws {
        let governor = try RateGovernor.make(halfPerSecond)
        let first = try governor.callTime(.history, at: simulationStart)
        let second = try governor.callTime(.history, at: simulationStart)
        let third = try governor.callTime(.history, at: simulationStart)

        XCTAssertGreaterThanOrEqual(second.timeIntervalSince(first), 0.2)
        XCTAssertGreaterThanOrEqual(third.timeIntervalSince(first), 1 / 0.5, "the burst of 2 is used up")
    }

    func testWaitBeyondMaxWaitIsDeferredUntilTheBucketHasAToken() throws {
        var configuration = halfPerSecond
        configuration.classes.resolve = RateLimit(perSecond: 4.0 / 3600, burst: 2)
        let governor = try RateGovernor.make(configuration)
        _ = try governor.greedyCallTimes(.resolve, count: 3, from: simulationStart)

        let admission = try governor.admit(AdmissionRequest(methodClass: .resolve, job: nil, maxWait: 60), at: simulationStart)

        guard case .defer(reason: .rateLimit(let until)) = admission else { return XCTFail("\(admission)") }
        XCTAssertEqual(until.timeIntervalSince(simulationStart), 1_800, accuracy: 2, "two tokens' refill: a backlog")
        let retry = try governor.callTime(.resolve, at: until, maxWait: 60)
        XCTAssertLessThanOrEqual(retry.timeIntervalSince(until), 0.8, "only the human delay is left")
    }

    func testTheHumanGapComesOnTopOfMaxWait() throws {
        let governor = try RateGovernor.make(halfPerSecond)
        _ = try governor.admit(AdmissionRequest(methodClass: .history, job: nil, maxWait: 0), at: simulationStart)

        let admission = try governor.admit(AdmissionRequest(methodClass: .history, job: nil, maxWait: 0), at: simulationStart)

        guard case .proceed(let delay) = admission else { return XCTFail("\(admission)") }
        XCTAssert((0.8...2.8).contains(delay), "a token is there, the gap (0.4-1.4 × 2 s) is still slept: \(delay)")
    }

    func testAccountBucketLimitsAllClassesTogether() throws {
        var configuration = GovernorConfiguration.unlimited
        configuration.account = RateLimit(perSecond: 1, burst: 1)
        let governor = try RateGovernor.make(configuration)
        var now = simulationStart
        var times: [Date] = []
        for index in 0..<600 {
            now = try governor.callTime(MethodClass.allCases[index % 4], at: now)
            times.append(now)
        }

        XCTAssertLessThanOrEqual(busiestWindow(times, length: 60), 61)
        XCTAssertEqual(try XCTUnwrap(times.last).timeIntervalSince(simulationStart), 599, accuracy: 0.001)
    }

    func testAClassWaitingForItsTokenDoesNotHoldUpOtherClasses() throws {
        var configuration = halfPerSecond
        configuration.account = RateLimit(perSecond: 1, burst: 1)
        configuration.classes.resolve = RateLimit(perSecond: 1.0 / 50, burst: 1)
        let governor = try RateGovernor.make(configuration)
        _ = try governor.callTime(.resolve, at: simulationStart)
        let waitingResolve = try governor.callTime(.resolve, at: simulationStart.addingTimeInterval(1))

        let history = try governor.callTime(.history, at: simulationStart.addingTimeInterval(2))

        XCTAssertGreaterThan(waitingResolve.timeIntervalSince(simulationStart), 49)
        XCTAssertLessThan(history.timeIntervalSince(simulationStart), 4)
    }
}
