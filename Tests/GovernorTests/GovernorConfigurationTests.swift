import XCTest
@testable import Governor

final class GovernorConfigurationTests: XCTestCase {
    func testDefaultsAreValid() throws {
        try GovernorConfiguration().validate()
    }

    func testDefaultHistoryBucketNeverFillsAThirtyPerThirtySecondWindow() {
        let history = GovernorConfiguration().classes.history
        // A bucket admits at most burst + rate × window calls in any window.
        XCTAssertLessThan(Double(history.burst) + history.perSecond * 30, 31)
        XCTAssertGreaterThanOrEqual(history.perSecond, 0.95)
    }

    func testDefaultMinimumGapIsUnderTheShortestHistoryGapDrawn() {
        let configuration = GovernorConfiguration()
        let history = configuration.classes.history
        XCTAssertLessThanOrEqual(configuration.humanDelayMin, 0.5 / history.perSecond)
        XCTAssertGreaterThanOrEqual(configuration.humanDelayMax, 1.4 / history.perSecond)
        XCTAssertEqual(configuration.humanGap(for: history, unit: 0.6), 1 / history.perSecond, accuracy: 1e-9)
    }

    func testDefaultAccountRateDoesNotThrottleHistory() {
        let configuration = GovernorConfiguration()
        XCTAssertGreaterThanOrEqual(configuration.account.perSecond, configuration.classes.history.perSecond)
    }

    func testDefaultResolveRateIsAFewPerHour() {
        let perHour = GovernorConfiguration().classes.resolve.perSecond * 3600
        XCTAssert((1...10).contains(perHour), "\(perHour) per hour")
    }

    func testNonPositiveRatesAreRejectedNamingTheBucket() {
        for methodClass in MethodClass.allCases {
            for rate in [0, -1, Double.infinity, Double.nan] {
                var configuration = GovernorConfiguration()
                configuration.classes[methodClass].perSecond = rate
                XCTAssertThrowsError(try configuration.validate()) { error in
                    guard case .nonPositiveRate(let bucket, _) = error as? GovernorConfigurationError else {
                        return XCTFail("\(error)")
                    }
                    XCTAssertEqual(bucket, methodClass.rawValue)
                }
            }
        }
        var configuration = GovernorConfiguration()
        configuration.account.perSecond = 0
        XCTAssertThrowsError(try configuration.validate()) { error in
            XCTAssertEqual(error as? GovernorConfigurationError, .nonPositiveRate(bucket: "account", perSecond: 0))
        }
    }

    func testBurstBelowOneIsRejected() {
        var configuration = GovernorConfiguration()
        configuration.classes.history.burst = 0
        XCTAssertThrowsError(try configuration.validate()) { error in
            XCTAssertEqual(error as? GovernorConfigurationError, .burstBelowOne(bucket: "history", burst: 0))
        }
    }

    func testHumanDelayMinimumAboveMaximumIsRejected() {
        var configuration = GovernorConfiguration()
        configuration.humanDelayMin = 2
        configuration.humanDelayMax = 1
        XCTAssertThrowsError(try configuration.validate()) { error in
            XCTAssertEqual(error as? GovernorConfigurationError, .invalidHumanDelay(min: 2, max: 1))
            XCTAssert("\(error)".contains("human_delay_min"))
        }
    }

    func testNegativeHumanDelayIsRejected() {
        var configuration = GovernorConfiguration()
        configuration.humanDelayMin = -1
        XCTAssertThrowsError(try configuration.validate())
    }

    func testWarmUpBudgetsThatShrinkOrStartAtZeroAreRejected() {
        let bad = [
            WarmUpBudget(day1: 0, growth: 2, cap: 10),
            WarmUpBudget(day1: 10, growth: 0.9, cap: 100),
            WarmUpBudget(day1: 10, growth: 2, cap: 5),
        ]
        for budget in bad {
            var configuration = GovernorConfiguration()
            configuration.jobWarmUps["news"] = budget
            XCTAssertThrowsError(try configuration.validate()) { error in
                XCTAssertEqual(error as? GovernorConfigurationError, .invalidWarmUp(scope: "job news", budget: budget))
            }
        }
    }

    func testAdaptationOutOfRangeIsRejected() {
        var configuration = GovernorConfiguration()
        configuration.adaptation.decreaseFactor = 1
        XCTAssertThrowsError(try configuration.validate()) { error in
            XCTAssertEqual(error as? GovernorConfigurationError, .invalidAdaptation(setting: "decreaseFactor", value: 1))
        }
        configuration = GovernorConfiguration()
        configuration.adaptation.successesPerStep = 0
        XCTAssertThrowsError(try configuration.validate())
    }

    func testGovernorRefusesAnInvalidConfiguration() {
        var configuration = GovernorConfiguration()
        configuration.classes.resolve.perSecond = 0
        XCTAssertThrowsError(try RateGovernor.make(configuration))
    }
}
