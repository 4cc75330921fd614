import XCTest
@testable import Jobs

final class DotEnvTests: XCTestCase {
    private func parse(_ text: String) -> ValidationReport<[String: String]> {
        DotEnv.parse(SourceText(file: "config/.env", text: text))
    }

    func testCommentsQuotesAndSystemdEscapes() throws {
        let values = try parse("""
            # a comment
            TELEGRAM_CLIENT_API_ID=12345

            TELEGRAM_CLIENT_PHONE = +15555550100
            TELEGRAM_CLIENT_2FA_PASSWORD='it is # not a comment'
            TELEGRAM_CLIENT_API_HASH="0123456789abcdef0123456789abcdef"
            QUOTED="says \\"hi\\" \\\\ done \\$HOME, keeps \\n"
            HASH_IN_VALUE=abc#def
            EMPTY=
            \r
            """).get()
        XCTAssertEqual(values["TELEGRAM_CLIENT_API_ID"], "12345")
        XCTAssertEqual(values["TELEGRAM_CLIENT_PHONE"], "+15555550100")
        XCTAssertEqual(values["TELEGRAM_CLIENT_2FA_PASSWORD"], "it is # not a comment")
        XCTAssertEqual(values["TELEGRAM_CLIENT_API_HASH"], "0123456789abcdef0123456789abcdef")
        XCTAssertEqual(values["QUOTED"], "says \"hi\" \\ done $HOME, keeps \\n")
        XCTAssertEqual(values["HASH_IN_VALUE"], "abc#def")
        XCTAssertEqual(values["EMPTY"], "")
    }

    func testSingleQuotesKeepEverythingLiterally() throws {
        let values = try parse("PASSWORD='a \\n # b'\r\n").get()
        XCTAssertEqual(values["PASSWORD"], "a \\n # b")
    }

    func testWhatSystemdReadsDifferentlyIsRefused() {
        let report = parse("""
            export TELEGRAM_CLIENT_PHONE=+15555550100
            TELEGRAM_CLIENT_API_ID=12345   # inline comment
            TELEGRAM_CLIENT_API_HASH="abc"  # trailing comment
            """)
        XCTAssertEqual(report.issues.map(\.description), [
            "config/.env:1:1: remove `export `: systemd's EnvironmentFile= skips such lines",
            "config/.env:2:1: a comment after a value (systemd keeps it in the value): put it on its own line, "
                + "or quote the value in the value of TELEGRAM_CLIENT_API_ID",
            "config/.env:3:1: unexpected text after the closing quote in the value of TELEGRAM_CLIENT_API_HASH",
        ])
        XCTAssertTrue(report.value.isEmpty)
    }

    func testProblemsNameTheLineAndVariableButNeverTheValue() {
        let secret = "s3cr3t-h4sh-d0-not-print"
        let report = parse("""
            \(secret)
            TELEGRAM_CLIENT_API_HASH="\(secret)
            TELEGRAM_CLIENT_PHONE='\(secret)' trailing
            1BAD=\(secret)
            TELEGRAM_CLIENT_API_ID=1
            TELEGRAM_CLIENT_API_ID=2
            """)
        XCTAssertEqual(report.issues.map(\.description), [
            "config/.env:1:1: expected KEY=VALUE",
            "config/.env:2:1: unterminated quote in the value of TELEGRAM_CLIENT_API_HASH",
            "config/.env:3:1: unexpected text after the closing quote in the value of TELEGRAM_CLIENT_PHONE",
            "config/.env:4:1: invalid variable name: use letters, digits and '_', not starting with a digit",
            "config/.env:6:1: TELEGRAM_CLIENT_API_ID is set twice (first at line 5)",
        ])
        XCTAssertFalse(report.issues.contains { $0.message.contains(secret) })
        XCTAssertEqual(report.value["TELEGRAM_CLIENT_API_ID"], "1")
    }
}
