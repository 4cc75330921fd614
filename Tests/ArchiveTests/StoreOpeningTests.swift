import Foundation
import GRDB
import XCTest
@testable import Archive

final class StoreOpeningTests: XCTestCase {
    func testMigratesAnEmptyFileToEveryTable() throws {
        let store = try Fixtures.store(self)

        let tables = try store.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' ORDER BY name")
        }
        XCTAssertEqual(tables, ["account_leases", "audit_log", "auth_keys", "changes", "channels", "checkpoints", "forum_topics",
                                "governor_state", "invite_links", "media", "media_days", "message_versions", "messages", "messages_fts", "messages_fts_config",
                                "messages_fts_data", "messages_fts_docsize", "messages_fts_idx", "peers", "retired_auth_keys",
                                "runners", "runs", "sessions", "sink_cursors", "users", "watch_state"])
        let applied = try store.read { db in try ArchiveSchema.migrator.appliedIdentifiers(db) }
        XCTAssertEqual(Set(applied), ["v1", "v2-changes", "v3-watch", "v4-retired-keys", "v5-media", "v6-lean",
                                       "v7-senders-comments", "v8-joins-topics", "v9-lean-text", "v10-accounts",
                                       "v11-runners", "v12-lean-writes", "v13-change-log-check",
                                       "v14-search-without-prefix"])
        let columns = try store.read { db in try db.columns(in: "messages").map(\.name) }
        XCTAssertFalse(columns.contains("entities"), "a new archive has the lean layout at once")
        XCTAssertTrue(columns.contains("sender_id"))
    }

    func testRunsInWALWithForeignKeysNormalSyncAndASmallPageCache() throws {
        let store = try Fixtures.store(self)

        let (journal, foreignKeys, synchronous, cacheSize) = try store.write { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Bool.fetchOne(db, sql: "PRAGMA foreign_keys"),
             try Int.fetchOne(db, sql: "PRAGMA synchronous"), try Int.fetchOne(db, sql: "PRAGMA cache_size"))
        }
        XCTAssertEqual(journal, "wal")
        XCTAssertEqual(foreignKeys, true)
        XCTAssertEqual(synchronous, 1, "NORMAL: WAL commits survive a killed process")
        XCTAssertEqual(cacheSize, -512, "a 512 KiB page cache per connection")
        XCTAssertThrowsError(try store.write { db in
            try db.execute(sql: "INSERT INTO checkpoints (job, channel_id, updated_at) VALUES ('x', 999, '2024-01-01')")
        })
    }

    func testCreatesTheFileAndItsCompanionsWithMode0600() throws {
        let store = try Fixtures.store(self)
        try store.commitPage(channel: Fixtures.channel, job: Fixtures.job, messages: Fixtures.page(1...3),
                             checkpoint: Checkpoint(head: 3, tail: 1), now: Fixtures.now)

        XCTAssertEqual(DatabaseFileMode.permissions(of: store.path), 0o600)
        for companion in DatabaseFileMode.companions(of: store.path) {
            XCTAssertEqual(DatabaseFileMode.permissions(of: companion), 0o600, companion)
        }
    }

    func testReopeningFixesALooseModeAndKeepsTheData() throws {
        let path = try Fixtures.temporaryDirectory(self).appendingPathComponent("archive.sqlite").path
        do {
            let store = try ArchiveStore(path: path)
            try store.commitPage(channel: Fixtures.channel, job: Fixtures.job, messages: Fixtures.page(1...2),
                                 checkpoint: Checkpoint(head: 2, tail: 1), now: Fixtures.now)
        }
        XCTAssertEqual(chmod(path, 0o644), 0)

        let reopened = try ArchiveStore(path: path)

        XCTAssertEqual(DatabaseFileMode.permissions(of: path), 0o600)
        XCTAssertEqual(try reopened.messageCount(channel: Fixtures.channel.id), 2)
        XCTAssertEqual(try reopened.checkpoint(job: Fixtures.job, channel: Fixtures.channel.id), Checkpoint(head: 2, tail: 1))
    }

    func testTwoHandlesOnOneFileSeeEachOthersCommits() throws {
        let path = try Fixtures.temporaryDirectory(self).appendingPathComponent("archive.sqlite").path
        let harvester = try ArchiveStore(path: path)
        let status = try ArchiveStore(path: path)

        try harvester.commitPage(channel: Fixtures.channel, job: Fixtures.job, messages: Fixtures.page(1...3),
                                 checkpoint: Checkpoint(head: 3, tail: 1), now: Fixtures.now)
        try status.markDeleted(channel: Fixtures.channel.id, ids: [2], noticedAt: Fixtures.now)

        XCTAssertEqual(try status.checkpoint(job: Fixtures.job, channel: Fixtures.channel.id), Checkpoint(head: 3, tail: 1))
        XCTAssertEqual(try harvester.message(channel: Fixtures.channel.id, id: 2)?.deletedAt, Fixtures.now)
    }

    func testAnArchiveFromANewerTgcronIsRefused() throws {
        let path = try Fixtures.temporaryDirectory(self).appendingPathComponent("archive.sqlite").path
        do {
            let store = try ArchiveStore(path: path)
            try store.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')") }
        }

        let error = Fixtures.archiveError { try ArchiveStore(path: path) }

        XCTAssertEqual(error, .schemaTooNew(path: path))
    }

    func testAFileThatIsNotADatabaseIsReportedCorrupt() throws {
        let path = try Fixtures.temporaryDirectory(self).appendingPathComponent("archive.sqlite").path
        try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: path))

        let error = Fixtures.archiveError { try ArchiveStore(path: path) }

        guard case .corrupt(let reported, _)? = error else { return XCTFail("expected .corrupt, got \(String(describing: error))") }
        XCTAssertEqual(reported, path)
    }

    func testAMissingDirectoryFailsToOpenNamingTheFile() throws {
        let path = try Fixtures.temporaryDirectory(self).appendingPathComponent("missing/archive.sqlite").path

        let error = Fixtures.archiveError { try ArchiveStore(path: path) }

        guard case .openFailed(let reported, _)? = error else { return XCTFail("expected .openFailed, got \(String(describing: error))") }
        XCTAssertEqual(reported, path)
        XCTAssertTrue(error?.description.contains(path) ?? false)
    }
}
