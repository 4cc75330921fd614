import XCTest

/// `tgcron tl decode` / `encode` as a user runs them.
final class TLCommandTests: XCTestCase {
    func testDecodePrintsJSONAndEncodeRestoresTheBytes() throws {
        // peerChannel#a2a5371e channel_id:long (telegram.tl), id 1_981_172_626_292.
        let hex = "1e37a5a274036ec9ce010000"
        let decoded = try CLIProcess.run(["tl", "decode"], input: hex + "\n")
        XCTAssertEqual(decoded.status, 0, decoded.stderr)
        XCTAssertTrue(decoded.stdout.contains("\"_\": \"peerChannel\""), decoded.stdout)
        let encoded = try CLIProcess.run(["tl", "encode"], input: decoded.stdout)
        XCTAssertEqual(encoded.status, 0, encoded.stderr)
        XCTAssertEqual(encoded.stdout.trimmingCharacters(in: .whitespacesAndNewlines), hex)
    }

    func testTruncatedInputFailsWithAClearMessage() throws {
        let outcome = try CLIProcess.run(["tl", "decode"], input: "1e37a5a27403")
        XCTAssertNotEqual(outcome.status, 0)
        XCTAssertTrue(outcome.stderr.contains("truncated"), outcome.stderr)
        XCTAssertFalse(outcome.stderr.contains("USAGE"), "a data error should not print usage")
    }

    func testNonHexInputIsRejected() throws {
        let outcome = try CLIProcess.run(["tl", "decode"], input: "not hex")
        XCTAssertNotEqual(outcome.status, 0)
        XCTAssertTrue(outcome.stderr.contains("not hex"), outcome.stderr)
    }

    func testUnknownConstructorNameInJSONIsReported() throws {
        let outcome = try CLIProcess.run(["tl", "encode"], input: #"{"_": "peerChanel", "channel_id": 1}"#)
        XCTAssertNotEqual(outcome.status, 0)
        XCTAssertTrue(outcome.stderr.contains("'peerChanel' is not a constructor"), outcome.stderr)
    }
}
