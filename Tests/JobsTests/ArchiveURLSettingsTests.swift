import ArchiveLocation
import XCTest
@testable import Jobs

/// `archive.url`: a PostgreSQL archive, validated like every setting, its password never in the file.
final class ArchiveURLSettingsTests: XCTestCase {
    private func parse(_ text: String) -> ValidationReport<Settings> {
        SettingsFile.parse(SourceText(file: "settings.yaml", text: text))
    }

    func testAURLIsReadBesideTheSQLitePath() throws {
        let settings = try parse("""
            archive:
              url: postgres://tgcron@db.internal:6432/archive
            """).get()
        XCTAssertEqual(settings.archive.url, PostgresLocation(host: "db.internal", port: 6432, user: "tgcron", database: "archive"))
        XCTAssertEqual(settings.archive.database, "tgcron.sqlite")
        XCTAssertEqual(try parse("archive:\n  database: a.sqlite\n").get().archive.url, nil)
    }

    func testAPasswordInTheURLIsRefusedWithoutRepeatingIt() {
        let report = parse("""
            archive:
              url: postgres://tgcron:hunter2@db:5432/archive
            """)
        XCTAssertEqual(report.issues.map(\.description), [
            "settings.yaml:2:8: 'archive.url': the URL must not hold a password; put it in config/.env as TGCRON_PG_PASSWORD (or PGPASSWORD, or ~/.pgpass)",
        ])
        XCTAssertFalse(report.issues.map(\.description).joined().contains("hunter2"))
    }

    func testMalformedURLsNameWhatIsMissing() {
        XCTAssertEqual(parse("archive:\n  url: mysql://u@h/db\n").issues.map(\.description),
                       ["settings.yaml:2:8: 'archive.url': expected a URL of the form postgres://user@host:5432/database"])
        XCTAssertEqual(parse("archive:\n  url: postgres://u@h:5432/\n").issues.map(\.description),
                       ["settings.yaml:2:8: 'archive.url': the URL has no database (postgres://user@host:5432/database)"])
        XCTAssertEqual(parse("archive:\n  url: postgres://h/db\n").issues.map(\.description),
                       ["settings.yaml:2:8: 'archive.url': the URL has no user (postgres://user@host:5432/database)"])
    }

    func testThePasswordComesFromTheEnvironmentThenPGPassFile() throws {
        let location = PostgresLocation(host: "db", port: 5432, user: "tgcron", database: "archive")
        XCTAssertEqual(PostgresPassword.resolve(for: location, environment: ["TGCRON_PG_PASSWORD": "a", "PGPASSWORD": "b"]), "a")
        XCTAssertEqual(PostgresPassword.resolve(for: location, environment: ["PGPASSWORD": "b"]), "b")
        let passFile = """
            # host:port:database:user:password
            other:5432:archive:tgcron:wrong
            db:*:archive:tgcron:pa\\:ss
            """
        XCTAssertEqual(PostgresPassword.lookUp(location, inPassFile: passFile), "pa:ss")
        XCTAssertNil(PostgresPassword.lookUp(PostgresLocation(host: "x", user: "y", database: "z"), inPassFile: passFile))
    }
}
