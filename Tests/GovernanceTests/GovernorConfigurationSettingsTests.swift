import Foundation
import Governance
import Governor
import Jobs
import XCTest

final class GovernorConfigurationSettingsTests: XCTestCase {
    private func job(_ name: String, zone: String, warmup: Warmup?, line: Int = 1) throws -> Job {
        Job(name: name, channel: .username(name), schedule: try CronSchedule.parse("@daily"),
            timeZone: try XCTUnwrap(TimeZone(identifier: zone)), warmup: warmup,
            location: SourceLocation(file: "jobs/\(name).yaml", line: line, column: 3))
    }

    private func settings(delay: ClosedRange<Double>, warmup: Warmup?) -> Settings {
        Settings(telegramClient: TelegramClientSettings(
            humanDelayMin: .milliseconds(Int(delay.lowerBound * 1000)),
            humanDelayMax: .milliseconds(Int(delay.upperBound * 1000)), warmup: warmup))
    }

    func testSettingsAndJobsGiveTheDelayBudgetsAndTheJobsTimeZone() throws {
        let jobs = [
            try job("news", zone: "Europe/Berlin", warmup: Warmup(day1: 50, growth: 2, cap: 400)),
            try job("big", zone: "Europe/Berlin", warmup: Warmup(day1: 100, growth: 1.5, cap: nil)),
            try job("plain", zone: "Asia/Tokyo", warmup: nil),
        ]

        let configuration = try GovernorConfiguration(
            settings: settings(delay: 1.5...4, warmup: Warmup(day1: 1_000, growth: 1.2, cap: 9_000)), jobs: jobs)

        XCTAssertEqual(configuration.humanDelayMin, 1.5)
        XCTAssertEqual(configuration.humanDelayMax, 4)
        XCTAssertEqual(configuration.accountWarmUp, WarmUpBudget(day1: 1_000, growth: 1.2, cap: 9_000))
        XCTAssertEqual(configuration.jobWarmUps, [
            "news": WarmUpBudget(day1: 50, growth: 2, cap: 400),
            "big": WarmUpBudget(day1: 100, growth: 1.5, cap: Int.max),
        ])
        XCTAssertEqual(configuration.timeZone.identifier, "Europe/Berlin")
        XCTAssertEqual(configuration.classes, GovernorConfiguration.defaultClasses)
    }

    func testWithoutJobBudgetsDaysAreCountedInTheFallbackZoneAndTheAccountHasNoBudgetUnlessSet() throws {
        let configuration = try GovernorConfiguration(
            settings: settings(delay: 1...3, warmup: nil), jobs: [try job("plain", zone: "Asia/Tokyo", warmup: nil)],
            fallbackTimeZone: try XCTUnwrap(TimeZone(identifier: "America/New_York")))

        XCTAssertNil(configuration.accountWarmUp)
        XCTAssertEqual(configuration.jobWarmUps, [:])
        XCTAssertEqual(configuration.timeZone.identifier, "America/New_York")
    }

    func testJobBudgetsInDifferentZonesAreRefused() throws {
        let jobs = [
            try job("news", zone: "Europe/Berlin", warmup: Warmup(day1: 50)),
            try job("big", zone: "Asia/Tokyo", warmup: Warmup(day1: 50), line: 7),
        ]

        XCTAssertThrowsError(try GovernorConfiguration(settings: settings(delay: 1...3, warmup: nil), jobs: jobs)) {
            XCTAssertEqual($0 as? GovernorSettingsError, .conflictingBudgetTimeZones(
                first: "news", firstZone: "Europe/Berlin", other: "big", otherZone: "Asia/Tokyo",
                location: SourceLocation(file: "jobs/big.yaml", line: 7, column: 3)))
        }
    }

    func testAnInvalidJobBudgetNamesTheJobAndItsFile() throws {
        let shrinking = Warmup(day1: 50, growth: 0.5, cap: 100)
        let jobs = [try job("news", zone: "UTC", warmup: shrinking, line: 4)]

        XCTAssertThrowsError(try GovernorConfiguration(settings: settings(delay: 1...3, warmup: nil), jobs: jobs)) {
            XCTAssertEqual($0 as? GovernorSettingsError, .invalidJob(
                name: "news", location: SourceLocation(file: "jobs/news.yaml", line: 4, column: 3),
                .invalidWarmUp(scope: "job news", budget: WarmUpBudget(day1: 50, growth: 0.5, cap: 100))))
            XCTAssertTrue("\($0)".hasPrefix("jobs/news.yaml:4:3: job news: governor: the job news warm-up budget"), "\($0)")
        }
    }

    func testAHumanDelayRangeUpsideDownIsAnAccountSettingError() throws {
        XCTAssertThrowsError(try GovernorConfiguration(settings: settings(delay: 3...3, warmup: nil).with(minDelay: 5), jobs: [])) {
            XCTAssertEqual($0 as? GovernorSettingsError, .invalidSettings(.invalidHumanDelay(min: 5, max: 3)))
        }
    }
}

private extension Settings {
    /// These settings with `human_delay_min` set to `seconds`.
    func with(minDelay seconds: Int) -> Settings {
        var settings = self
        settings.telegramClient.humanDelayMin = .seconds(seconds)
        return settings
    }
}
