import Archive
import Foundation
import Sandbox
import TL
import XCTest

/// The `v6-lean` migration on an archive written before it (`Tests/Golden/fixed-archive/v4-archive.sqlite`).
final class LeanConversionTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lean-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// A copy of the archive written by the layout before `v6-lean`.
    private func oldArchive() throws -> String {
        let target = directory.appendingPathComponent("archive.sqlite")
        try FileManager.default.copyItem(at: FixedArchiveGoldenTests.folder.appendingPathComponent("v4-archive.sqlite"), to: target)
        return target.path
    }

    private var channels: [Int64] {
        let world = World(spec: HarvestHarness.spec)
        return ["tiny", "mid"].compactMap { world.channel(username: $0)?.id }
    }

    func testAnOldArchiveIsConvertedInResumableBatchesAndGivesBackTheSameBytes() throws {
        let path = try oldArchive()
        let store = try ArchiveStore(path: path)
        XCTAssertTrue(try store.leanConversionPending())
        // Before the conversion every output is already what it was.
        try FixedArchiveGoldenTests.assertGolden(FixedArchiveGoldenTests.outputs(of: store, channels: channels))

        var batches = 0
        var seen: [LeanConversionProgress] = []
        let stopped = try store.convertToLean(batchSize: 100, progress: { seen.append($0) },
                                              shouldStop: { defer { batches += 1 }; return batches == 2 })
        XCTAssertEqual(stopped, .stopped(LeanConversionProgress(converted: 200, total: 452)))
        XCTAssertEqual(seen.map(\.converted), [100, 200])
        // A kill here loses nothing: outputs are the same half-way.
        try FixedArchiveGoldenTests.assertGolden(FixedArchiveGoldenTests.outputs(of: store, channels: channels))

        seen = []
        let outcome = try store.convertToLean(batchSize: 100, progress: { seen.append($0) })
        XCTAssertEqual(seen.first?.converted, 300, "the second call resumes after the first one's batches")
        XCTAssertEqual(seen.last, LeanConversionProgress(converted: 452, total: 452))
        guard case .converted(let before, let after) = outcome else { return XCTFail("\(outcome)") }
        // The JSON columns held 43% of the file. Measured: 909,312 → 688,128 bytes, of which the tables and
        // indexes that later migrations add (users, topics, invite links, the search prefix index, accounts,
        // runners) are a few pages each whatever the archive's size: what an empty archive of this schema takes
        // is left out of the comparison, so that a new table does not look like a worse conversion.
        let emptyPath = directory.appendingPathComponent("empty.sqlite").path
        do { _ = try ArchiveStore(path: emptyPath) }  // closed at once: SQLite copies the WAL back into the file
        let emptyBytes = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: emptyPath)[.size] as? NSNumber).int64Value
        XCTAssertGreaterThan(emptyBytes, 100_000, "an empty archive of this schema is a few pages per table and index")
        XCTAssertLessThan((after - emptyBytes) * 4, before * 3, "the conversion gives back the JSON columns' space")
        XCTAssertFalse(try store.leanConversionPending())
        XCTAssertEqual(try store.convertToLean(), .alreadyLean)
        try FixedArchiveGoldenTests.assertGolden(FixedArchiveGoldenTests.outputs(of: store, channels: channels))

        // Every converted message is searchable, and the index matches the text (SQLite's own check).
        let word = "garden"
        var sql = StringExportSink()
        try store.query("SELECT COUNT(*) FROM messages WHERE text LIKE '% \(word) %'", format: .csv, to: &sql)
        var found = StringExportSink()
        try store.search(word, limit: 10_000, format: .csv, to: &found)
        let expected = try XCTUnwrap(Int(sql.text.split(separator: "\r\n")[1]))
        XCTAssertGreaterThan(expected, 10)
        XCTAssertGreaterThanOrEqual(found.text.split(separator: "\r\n").count - 1, expected)
        try Self.sqlite(path, "INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)")

        let mid = channels[1]
        let rows = try store.archivedIDs(channel: mid, in: 0...Int32.max).compactMap { try store.message(channel: mid, id: $0) }
        let photo = try XCTUnwrap(rows.first { $0.mediaKind == "messageMediaPhoto" })
        XCTAssertEqual(photo.mediaMime, "image/jpeg")
        XCTAssertNotNil(photo.mediaSize)
    }

    func testMessagesWrittenWhileTheConversionIsPendingAreSearchableAndTheIndexStaysConsistent() throws {
        let path = try oldArchive()
        let store = try ArchiveStore(path: path)
        let mid = channels[1]
        let newest = try XCTUnwrap(store.archivedIDs(channel: mid, in: 0...Int32.max).last)
        let channel = try XCTUnwrap(store.channel(id: mid))
        let post = Api.Message.message(.init(id: newest + 1, peerId: .peerChannel(.init(channelId: mid)), date: 1_900_000_000,
                                             message: "zanzibar while pending"))
        try store.commitPage(channel: ChannelInfo(id: mid, accessHash: channel.accessHash, username: channel.username, title: channel.title),
                             job: "mid", messages: [post], checkpoint: Checkpoint(head: newest + 1), now: Date())
        _ = try store.convertToLean(batchSize: 100, shouldStop: { true })
        var found = StringExportSink()
        try store.search("zanzibar", format: .csv, to: &found)
        XCTAssertTrue(found.text.contains(",\(newest + 1),"), found.text)
        _ = try store.convertToLean(batchSize: 100)
        found = StringExportSink()
        try store.search("zanzibar", format: .csv, to: &found)
        XCTAssertEqual(found.text.split(separator: "\r\n").count, 2, "indexed once")
        try Self.sqlite(path, "INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)")
    }

    /// Runs `sql` with the `sqlite3` shell, failing unless it succeeds.
    private static func sqlite(_ path: String, _ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path, sql]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, sql)
    }

    func testTheConversionRefusesToStartWithoutRoomOnTheDisk() throws {
        let store = try ArchiveStore(path: try oldArchive())
        XCTAssertThrowsError(try store.convertToLean(freeBytes: 1_000)) { error in
            XCTAssertTrue("\(error)".contains("bytes free"), "\(error)")
        }
        XCTAssertTrue(try store.leanConversionPending(), "nothing was touched")
    }
}
