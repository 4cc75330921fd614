import Foundation
import XCTest
@testable import Jobs

/// The example files committed in `jobs/` and `config/` stay valid as the syntax evolves.
final class ExampleFilesTests: XCTestCase {
    private static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // JobsTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository root

    private func path(_ relative: String) -> String {
        Self.repository.appendingPathComponent(relative).path
    }

    func testExampleJobFilesAreValid() throws {
        let report = JobFiles.read(paths: [path("jobs/example.yaml"), path("jobs/demo.yaml")])
        XCTAssertEqual(report.issues.map(\.description), [])
        XCTAssertEqual(report.value.map(\.name), ["example-news", "example-big-by-id", "sandbox-news", "sandbox-big"])
        XCTAssertEqual(report.value.filter(\.enabled).map(\.name), ["sandbox-news", "sandbox-big"],
                       "the examples never run, even when jobs/ is read as a whole")
    }

    func testDemoJobsArchiveTheSandboxChannelsHourly() throws {
        let jobs = try JobFiles.read(paths: [path("jobs/demo.yaml")]).get()
        XCTAssertEqual(jobs.map(\.channel), [.username("sandbox_news"), .username("sandbox_big")])
        XCTAssertTrue(jobs.allSatisfy { $0.schedule.interval == .seconds(3600) })
    }

    func testExampleSettingsAreValid() throws {
        let settings = try SettingsFile.read(path: path("config/settings.yaml")).get()
        XCTAssertEqual(settings.telegramClient.floodWaitMax, .seconds(300))
        XCTAssertEqual(settings.telegramClient.warmup, Warmup(day1: 500, growth: 1.5, cap: 20000))
    }

    func testExampleEnvFileGivesUsableCredentials() throws {
        let values = try DotEnv.read(path: path("config/.env.example")).get()
        let credentials = try TelegramCredentials(environment: values)
        XCTAssertEqual(credentials.apiID, 12345)
        XCTAssertEqual(credentials.twoFactorPassword, "correct horse battery staple")
        XCTAssertNil(credentials.sessionString)
        XCTAssertNotNil(values[NotificationSettings.botTokenEnvironmentKey], "the bot token is documented")
    }
}
