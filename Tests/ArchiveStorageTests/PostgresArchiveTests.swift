import Archive
import ArchiveLocation
import ArchivePostgres
import Foundation
import TestSupport
import XCTest

/// What only the PostgreSQL archive has: its connection, its secrets and its migrations.
final class PostgresArchiveTests: XCTestCase {
    func testAWrongPasswordIsRefusedWithoutBeingRepeated() throws {
        let location = try PostgresBackend.location()
        let secret = "not-the-password-\(UUID().uuidString)"
        XCTAssertThrowsError(try PostgresArchive(location: location, password: secret)) { error in
            let text = "\(error) \(String(reflecting: error))"
            guard case .openFailed? = error as? ArchiveError else { return XCTFail("expected openFailed, got \(text)") }
            XCTAssertFalse(text.contains(secret), text)
            XCTAssertTrue(text.contains(location.description), text)
        }
    }

    func testAnUnreachableServerIsAnOpenError() throws {
        _ = try PostgresBackend.location()
        let nobody = PostgresLocation(host: "127.0.0.1", port: 9, user: "tgcron", database: "none")
        XCTAssertThrowsError(try PostgresArchive(location: nobody, password: nil, connectTimeout: .seconds(2))) { error in
            guard case .openFailed(let place, _)? = error as? ArchiveError else { return XCTFail("expected openFailed, got \(error)") }
            XCTAssertEqual(place, "postgres://tgcron@127.0.0.1:9/none")
        }
    }

    func testMigrationsFollowSQLitesNamesAndReopeningAppliesNothing() throws {
        let storage = try PostgresBackend().makeStorage(self)
        let archive = try XCTUnwrap(storage as? PostgresArchive)
        let (applied, known) = try archive.schemaMigrations()
        XCTAssertEqual(applied, known)
        let sqlite = try ArchiveStore(path: temporaryDirectory(prefix: "storage-tests").archivePath).schemaMigrations().known
        XCTAssertEqual(Array(sqlite.prefix(known.count)), known, "PostgreSQL ports SQLite's migrations in order")
        XCTAssertGreaterThanOrEqual(known.count, 6)
        let reopened = try PostgresArchive(location: archive.location,
                                           password: PostgresPassword.resolve(for: archive.location, environment: ProcessInfo.processInfo.environment),
                                           schema: archive.schema)
        defer { reopened.close() }
        XCTAssertEqual(try reopened.schemaMigrations().applied, known)
    }

    func testARejectedPageLeavesNothingForAnotherConnection() throws {
        let storage = try PostgresBackend().makeStorage(self)
        let archive = try XCTUnwrap(storage as? PostgresArchive)
        let other = try PostgresArchive(location: archive.location,
                                        password: PostgresPassword.resolve(for: archive.location, environment: ProcessInfo.processInfo.environment),
                                        schema: archive.schema)
        defer { other.close() }
        let contract = StorageContract(store: archive)
        try contract.commit((1...3).map { StorageContract.post($0) }, head: 3)
        XCTAssertEqual(try other.messageCount(channel: StorageContract.channel.id), 3)
        XCTAssertThrowsError(try contract.commit((4...6).map { StorageContract.post($0) }, head: 60))
        XCTAssertEqual(try other.archivedIDs(channel: StorageContract.channel.id, in: 1...10), [1, 2, 3])
        XCTAssertEqual(try other.checkpoint(job: StorageContract.job, channel: StorageContract.channel.id)?.head, 3)
    }
}
