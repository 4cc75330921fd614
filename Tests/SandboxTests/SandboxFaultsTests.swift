import XCTest
@testable import Sandbox

/// The `--faults` notation.
final class SandboxFaultsTests: XCTestCase {
    func testDropEverySevenRequestsParses() throws {
        XCTAssertEqual(try SandboxFaults(parsing: "drop=7"), SandboxFaults(dropConnectionEvery: 7))
        XCTAssertEqual(try SandboxFaults(parsing: "drop=7").serverFaults.dropConnectionEvery, 7)
    }

    func testEmptyTextMeansNoFaults() throws {
        XCTAssertEqual(try SandboxFaults(parsing: ""), SandboxFaults())
    }

    func testUnknownOrMalformedFaultsAreRefused() {
        XCTAssertThrowsError(try SandboxFaults(parsing: "explode=1")) { error in
            XCTAssertEqual(error as? SandboxFaultsError, .unknownFault("explode"))
        }
        XCTAssertThrowsError(try SandboxFaults(parsing: "drop")) { error in
            XCTAssertEqual(error as? SandboxFaultsError, .malformed("drop"))
        }
        XCTAssertThrowsError(try SandboxFaults(parsing: "drop=0")) { error in
            XCTAssertEqual(error as? SandboxFaultsError, .invalidValue("drop", "0"))
        }
    }
}
