import Foundation
import XCTest

/// `tgcron validate` as ops run it: one line per problem, exit 78 on any.
final class ValidateCommandTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tgcron-validate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func testTheCommittedExampleJobsAreValid() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let outcome = try CLIProcess.run(["validate", root.appendingPathComponent("jobs").path,
                                          "--settings", root.appendingPathComponent("config/settings.yaml").path])
        XCTAssertEqual(outcome.status, 0, outcome.stdout + outcome.stderr)
        XCTAssertTrue(outcome.stdout.hasPrefix("ok: "), outcome.stdout)
    }

    func testProblemsArePrintedWithFileLineColumnAndExit78() throws {
        let path = try write("bad.yaml", """
            jobs:
              - name: news
                channel: "@news"
                shedule: "0 3 * * *"
            """)
        let outcome = try CLIProcess.run(["validate", path])
        XCTAssertEqual(outcome.status, 78)
        XCTAssertTrue(outcome.stdout.contains("\(path):4:5:"), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("schedule"), outcome.stdout)
    }

    func testAMissingPathIsAProblemNotACrash() throws {
        let outcome = try CLIProcess.run(["validate", directory.appendingPathComponent("nope.yaml").path])
        XCTAssertEqual(outcome.status, 78)
        XCTAssertTrue(outcome.stdout.contains("no such file or folder"), outcome.stdout)
    }
}
