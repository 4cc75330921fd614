import Foundation
import XCTest
@testable import Jobs

/// Job files decode into the model: defaults merged, channels normalized, every key read; names
/// are unique across files; folders expand to their YAML files.
final class JobFilesTests: XCTestCase {
    private func jobs(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Job] {
        let url = JobFileCorpusTests.corpus.appendingPathComponent("good/\(name)")
        let report = JobFiles.parse([SourceText(file: name, text: try String(contentsOf: url, encoding: .utf8))])
        let jobs = try report.get()
        return Dictionary(uniqueKeysWithValues: jobs.map { ($0.name, $0) })
    }

    func testDefaultsFillInWhatAJobLeavesOut() throws {
        let news = try XCTUnwrap(try jobs("defaults-merge.yaml")["news"])
        XCTAssertEqual(news.channel, .username("sandbox_news"))
        XCTAssertEqual(news.schedule.text, "0 3 * * *")
        XCTAssertEqual(news.timeZone.identifier, "Europe/Berlin")
        XCTAssertEqual(news.limits, Limits(messages: 5000, duration: .seconds(2700)))
        XCTAssertEqual(news.window, MessageWindow(since: .ago(.seconds(90 * 86_400))))
        XCTAssertEqual(news.jitter, .seconds(600))
        XCTAssertTrue(news.enabled)
        XCTAssertFalse(news.takeout)
        XCTAssertFalse(news.comments, "comments are off unless asked for")
        XCTAssertEqual(news.location, SourceLocation(file: "defaults-merge.yaml", line: 12, column: 5))
    }

    func testJobValuesWinAndNestedBlocksMergeKeyByKey() throws {
        let big = try XCTUnwrap(try jobs("defaults-merge.yaml")["big"])
        XCTAssertEqual(big.channel, .username("sandbox_big"))
        XCTAssertEqual(big.schedule.interval, .seconds(21_600))
        XCTAssertEqual(big.limits, Limits(messages: 5000, requests: 300, duration: .seconds(2700)))
        XCTAssertNil(big.jitter, "a null in the job clears the default")
    }

    func testNestedWindowKeysMergeAndJobZoneWins() throws {
        let archive = try XCTUnwrap(try jobs("defaults-merge.yaml")["archive-2023"])
        XCTAssertEqual(archive.channel, .id(1_234_567_890))
        XCTAssertEqual(archive.timeZone.identifier, "America/New_York")
        XCTAssertEqual(archive.window.since, .date(year: 2023, month: 1, day: 1))
        XCTAssertEqual(archive.window.until, .date(year: 2024, month: 1, day: 1))
        XCTAssertFalse(archive.enabled)
    }

    func testEveryChannelSpellingNormalizes() throws {
        let jobs = try jobs("channel-forms.yaml")
        XCTAssertEqual(jobs.count, 8)
        XCTAssertEqual(jobs["invite-plus"]?.channel, .invite("AbCdEf123"))
        XCTAssertEqual(jobs["invite-joinchat"]?.channel, .invite("AbCdEfGh"))
        for name in ["at-form", "short-link", "https-link", "preview-link"] {
            XCTAssertEqual(jobs[name]?.channel, .username("sandbox_news"), name)
        }
        XCTAssertEqual(jobs["bot-api-id"]?.channel, .id(1_234_567_890))
        XCTAssertEqual(jobs["bare-id"]?.channel, .id(1_234_567_890))
    }

    func testEveryKeyIsRead() throws {
        let job = try XCTUnwrap(try jobs("every-key.yaml")["full"])
        XCTAssertEqual(job.channel, .username("sandbox_big"))
        XCTAssertEqual(job.timeZone.identifier, "Europe/Berlin")
        XCTAssertEqual(job.window, MessageWindow(since: .instant(TestDates.date("2024-01-31T17:00:00Z")),
                                                 until: .ago(.seconds(43_200)), minID: 100, maxID: 90_000))
        XCTAssertEqual(job.runWindow?.description, "22:00-04:00")
        XCTAssertEqual(job.limits, Limits(messages: 10_000, requests: 500, duration: .seconds(5400)))
        XCTAssertEqual(job.warmup, Warmup(day1: 50, growth: 1.5, cap: 2000))
        XCTAssertEqual(job.refresh, .seconds(7 * 86_400))
        XCTAssertTrue(job.takeout)
        XCTAssertTrue(job.enabled)
        XCTAssertEqual(job.jitter, .seconds(90))
        XCTAssertTrue(job.comments)
        XCTAssertEqual(job.schedule.nextFire(after: TestDates.date("2025-05-02T05:50:00+02:00"), in: job.timeZone),
                       TestDates.date("2025-05-05T01:00:00+02:00"))
    }

    func testDuplicateNamesAcrossFilesPointAtTheSecondAndNameTheFirst() {
        let first = SourceText(file: "jobs/a.yaml", text: "jobs:\n  - name: news\n    channel: \"@sandbox_news\"\n    schedule: \"@daily\"\n")
        let second = SourceText(file: "jobs/b.yaml", text: "jobs:\n  - name: big\n    channel: \"@sandbox_big\"\n    schedule: \"@daily\"\n  - name: news\n    channel: \"@sandbox_big\"\n    schedule: \"@daily\"\n")
        let report = JobFiles.parse([first, second])
        XCTAssertEqual(report.issues.map(\.description),
                       ["jobs/b.yaml:5:11: duplicate job name 'news' (first defined at jobs/a.yaml:2)"])
        XCTAssertEqual(report.value.map(\.name), ["big"], "neither copy of a duplicated name is kept")
        XCTAssertThrowsError(try report.get()) { error in
            XCTAssertEqual((error as? ConfigurationError)?.issues, report.issues)
        }
    }

    func testIssuesFromAllFilesComeBackTogetherSortedByFileAndPosition() {
        let bad = "jobs:\n  - name: x\n    channel: \"@sandbox_news\"\n    schedule: \"61 * * * *\"\n    takeout: maybe\n"
        let report = JobFiles.parse([SourceText(file: "b.yaml", text: bad), SourceText(file: "a.yaml", text: "")])
        XCTAssertEqual(report.issues.map(\.description), [
            "a.yaml:1:1: file is empty: a job file needs a 'jobs:' list",
            "b.yaml:4:16: minute field '61' is out of range 0-59",
            "b.yaml:5:14: 'takeout' must be true or false, got string \"maybe\"",
        ])
    }

    func testFoldersExpandToTheirYAMLFilesAndMissingPathsAreIssues() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let job = { (name: String) in "jobs:\n  - name: \(name)\n    channel: \"@sandbox_news\"\n    schedule: \"@daily\"\n" }
        try job("b").write(to: folder.appendingPathComponent("b.yml"), atomically: true, encoding: .utf8)
        try job("a").write(to: folder.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try "not a job file".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let report = JobFiles.read(paths: [folder.path, folder.appendingPathComponent("missing.yaml").path,
                                           folder.appendingPathComponent("a.yaml").path])
        XCTAssertEqual(report.value.map(\.name), ["a", "b"], "a file named twice is read once")
        XCTAssertFalse(report.isValid)
        XCTAssertEqual(report.issues.map(\.message), ["no such file or folder"])
        XCTAssertEqual(report.value.first?.location.file, folder.appendingPathComponent("a.yaml").path)
    }

    func testAnEmptyFolderIsAnIssue() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        XCTAssertEqual(JobFiles.read(paths: [folder.path]).issues.map(\.message),
                       ["no job files (*.yaml or *.yml) in this folder"])
    }

    func testExitCodeIsEXCONFIG() {
        XCTAssertEqual(ConfigurationError.exitCode, 78)
    }
}
