import Archive
import ArchiveLocation
import ArchivePostgres
import Foundation
import TestSupport
import XCTest

/// Everything the storage suite exercises: the storage protocols both archives implement.
typealias Storage = MessageStorage & RunStorage & ClientStateStorage & ChangeFeedStorage & MediaLedgerStorage & LeaseStorage

/// How a concrete test class opens a fresh, empty archive of its backend for each test.
protocol StorageBackend {
    /// A new empty archive; cleaned up by the test's teardown blocks.
    func makeStorage(_ test: XCTestCase) throws -> any Storage
    /// Another handle on the archive `storage` (another connection, as a second process would have).
    func reopen(_ storage: any Storage, _ test: XCTestCase) throws -> any Storage
}

/// The embedded SQLite archive in a fresh directory.
struct SQLiteBackend: StorageBackend {
    func makeStorage(_ test: XCTestCase) throws -> any Storage {
        try ArchiveStore(path: test.temporaryDirectory(prefix: "storage-tests").archivePath)
    }

    func reopen(_ storage: any Storage, _ test: XCTestCase) throws -> any Storage {
        let store = try XCTUnwrap(storage as? ArchiveStore)
        return try ArchiveStore(path: store.path)
    }
}

/// A PostgreSQL archive in a fresh schema of the test server named by `TGCRON_TEST_PG_URL` (password from
/// `TGCRON_PG_PASSWORD`, `PGPASSWORD` or `.pgpass`; `scripts/postgres-test-server.sh` starts one). Without
/// the variable the PostgreSQL tests skip, except under `CI=true`, where they fail: CI must run them.
struct PostgresBackend: StorageBackend {
    static let urlVariable = "TGCRON_TEST_PG_URL"

    /// The test server's location, or nil (after skipping or failing) when there is none.
    static func location() throws -> PostgresLocation {
        let environment = ProcessInfo.processInfo.environment
        guard let url = environment[urlVariable], !url.isEmpty else {
            if environment["CI"] == "true" {
                XCTFail("\(urlVariable) is not set under CI=true: the PostgreSQL half of the storage suite must run (.ci/run starts a server)")
            }
            throw XCTSkip("\(urlVariable) is not set: no PostgreSQL server to test against")
        }
        return try PostgresLocation(url: url)
    }

    func makeStorage(_ test: XCTestCase) throws -> any Storage {
        let location = try Self.location()
        let password = PostgresPassword.resolve(for: location, environment: ProcessInfo.processInfo.environment)
        let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let archive = try PostgresArchive(location: location, password: password, schema: schema)
        test.addTeardownBlock {
            try? archive.dropSchema()
            archive.close()
        }
        return archive
    }

    func reopen(_ storage: any Storage, _ test: XCTestCase) throws -> any Storage {
        let archive = try XCTUnwrap(storage as? PostgresArchive)
        let password = PostgresPassword.resolve(for: archive.location, environment: ProcessInfo.processInfo.environment)
        let other = try PostgresArchive(location: archive.location, password: password, schema: archive.schema)
        test.addTeardownBlock { other.close() }
        return other
    }
}
