import Foundation
import XCTest
@testable import Archive

/// The media ledger beside the messages: queued with a page in its transaction, a new row for an edit's
/// new file, rows kept for deleted messages, progress, completion shared by file id, failures and requeues.
final class MediaLedgerTests: XCTestCase {
    private func entry(message: Int32, file: Int64, size: Int64 = 10_000, skip: String? = nil) -> MediaEntry {
        MediaEntry(channelId: Fixtures.channel.id, messageId: message, fileId: file, kind: "document", dc: 2, size: size,
                   mimeType: "application/pdf", fileName: "a.pdf", width: nil, height: nil, duration: nil,
                   location: Data([1, 2, 3]), skipReason: skip, queuedAt: Fixtures.now)
    }

    private func commit(_ store: ArchiveStore, _ ids: ClosedRange<Int32>, media: [MediaEntry]) throws -> PageCommitResult {
        try store.commitPage(channel: Fixtures.channel, job: Fixtures.job, messages: Fixtures.page(ids),
                             checkpoint: Checkpoint(head: ids.upperBound, tail: ids.lowerBound), now: Fixtures.now, media: media)
    }

    func testAPageQueuesItsFilesOnceAndAnEditWithANewFileAddsAVersionRow() throws {
        let store = try Fixtures.store(self)
        XCTAssertEqual(try commit(store, 1...3, media: [entry(message: 2, file: 20), entry(message: 3, file: 30, skip: "types")]).mediaQueued, 2)
        XCTAssertEqual(try commit(store, 1...3, media: [entry(message: 2, file: 20)]).mediaQueued, 0, "re-reading queues nothing")

        XCTAssertEqual(try commit(store, 1...3, media: [entry(message: 2, file: 21)]).mediaQueued, 1, "the edit's new file")

        let rows = try store.read { db in try MediaEntry.fetchAll(db, sql: "SELECT * FROM media ORDER BY id") }
        XCTAssertEqual(rows.map(\.fileId), [20, 30, 21])
        XCTAssertEqual(rows.map(\.status), [.pending, .skipped, .pending])
        XCTAssertEqual(try store.mediaLedger(channel: Fixtures.channel.id)[2]?.fileId, 21, "the newest file is the message's")
    }

    func testAFailedPageQueuesNothingAndADeletedMessageKeepsItsFiles() throws {
        let store = try Fixtures.store(self)
        XCTAssertThrowsError(try store.commitPage(
            channel: Fixtures.channel, job: Fixtures.job, messages: Fixtures.page(1...3), checkpoint: Checkpoint(head: 9, tail: 1),
            now: Fixtures.now, media: [entry(message: 2, file: 20)]))
        XCTAssertEqual(try store.mediaEntries(status: .pending), [])
        _ = try commit(store, 1...3, media: [entry(message: 2, file: 20)])

        _ = try store.markDeleted(channel: Fixtures.channel.id, ids: [2], noticedAt: Fixtures.now)

        XCTAssertEqual(try store.mediaEntries(status: .pending).map(\.messageId), [2])
    }

    func testProgressCompletionByFileIDFailuresAndRequeue() throws {
        let store = try Fixtures.store(self)
        _ = try commit(store, 1...3, media: [entry(message: 1, file: 7), entry(message: 3, file: 7)])
        let first = try XCTUnwrap(store.nextMedia(channel: Fixtures.channel.id))
        try store.recordMediaProgress(id: try XCTUnwrap(first.id), bytes: 4_096, now: Fixtures.now)
        XCTAssertEqual(try store.nextMedia(channel: Fixtures.channel.id)?.bytesDone, 4_096)

        XCTAssertEqual(try store.completeMedia(fileID: 7, sha256: "ab", path: "ab/cd/ab.pdf", newBytes: 10_000, day: "2026-12-04",
                                               now: Fixtures.now), 2, "both messages share the file")
        XCTAssertNil(try store.nextMedia(channel: Fixtures.channel.id))
        XCTAssertEqual(try store.mediaBytes(day: "2026-12-04").bytes, 10_000)

        let done = try store.mediaEntries(status: .done)
        for _ in 0..<3 { try store.failMedia(id: try XCTUnwrap(done[0].id), error: "boom", maxAttempts: 3, now: Fixtures.now) }
        XCTAssertEqual(try store.mediaEntries(status: .failed).count, 1, "given up after three attempts")
        try store.requeueMedia(id: try XCTUnwrap(done[0].id), reason: "missing", now: Fixtures.now)
        XCTAssertEqual(try store.nextMedia(channel: Fixtures.channel.id)?.attempts, 0)
        let summary = try store.mediaSummary()
        XCTAssertEqual(summary.map(\.status), [.done, .pending])
    }

    func testExportsCarryDownloadedFilesAndAnArchiveWithoutTheLedgerStillExports() throws {
        let store = try Fixtures.store(self)
        _ = try commit(store, 1...3, media: [entry(message: 2, file: 20), entry(message: 3, file: 30, skip: "types")])
        try store.completeMedia(fileID: 20, sha256: "abcd", path: "ab/cd/abcd.pdf", newBytes: 10_000, day: "2026-12-04",
                                now: Fixtures.now)
        var sink = StringExportSink()
        try store.export(.jsonl, filter: ExportFilter(), to: &sink)
        let lines = sink.text.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[1].hasSuffix(#","media_file":{"path":"ab/cd/abcd.pdf","sha256":"abcd","size":10000,"mime_type":"application/pdf"}}"#),
                      lines[1])
        XCTAssertFalse(lines[0].contains("media_file"))
        XCTAssertFalse(lines[2].contains("media_file"), "a skipped file has none")

        // As an archive written before the ledger existed reads when opened without migrating.
        try store.write { db in try db.execute(sql: "DROP TABLE media") }
        var older = StringExportSink()
        XCTAssertEqual(try store.export(.jsonl, filter: ExportFilter(), to: &older), 3)
        XCTAssertEqual(try store.mediaSummary(), [])
    }
}
