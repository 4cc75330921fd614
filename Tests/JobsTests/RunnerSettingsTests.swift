import XCTest
@testable import Jobs

/// `runners.lease_ttl`: how long a runner's lease on an account lasts without renewal.
final class RunnerSettingsTests: XCTestCase {
    private func parse(_ text: String) -> ValidationReport<Settings> {
        SettingsFile.parse(SourceText(file: "settings.yaml", text: text))
    }

    func testTheLeaseTTLDefaultsToThirtySecondsAndIsRead() throws {
        XCTAssertEqual(try parse("log:\n  level: info\n").get().runners.leaseTTL, .seconds(30))
        XCTAssertEqual(try parse("runners:\n  lease_ttl: 3s\n").get().runners.leaseTTL, .seconds(3))
    }

    func testATTLUnderASecondOrAnUnknownKeyIsRefusedWithItsPlace() {
        XCTAssertEqual(parse("runners:\n  lease_ttl: 500ms\n").issues.map(\.description),
                       ["settings.yaml:2:14: 'runners.lease_ttl' must be at least 1s, got 500ms"])
        XCTAssertEqual(parse("runners:\n  lease_ttl: 0s\n").issues.count, 1)
        XCTAssertEqual(parse("runners:\n  ttl: 3s\n").issues.count, 1)
    }
}
