import Archive
import Foundation
import Sandbox
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
        XCTAssertLessThan(after * 10, before * 6, "the JSON columns held over 40% of the file (measured: 909,312 → 516,096 bytes)")
        XCTAssertFalse(try store.leanConversionPending())
        XCTAssertEqual(try store.convertToLean(), .alreadyLean)
        try FixedArchiveGoldenTests.assertGolden(FixedArchiveGoldenTests.outputs(of: store, channels: channels))

        let mid = channels[1]
        let rows = try store.archivedIDs(channel: mid, in: 0...Int32.max).compactMap { try store.message(channel: mid, id: $0) }
        let photo = try XCTUnwrap(rows.first { $0.mediaKind == "messageMediaPhoto" })
        XCTAssertEqual(photo.mediaMime, "image/jpeg")
        XCTAssertNotNil(photo.mediaSize)
    }

    func testTheConversionRefusesToStartWithoutRoomOnTheDisk() throws {
        let store = try ArchiveStore(path: try oldArchive())
        XCTAssertThrowsError(try store.convertToLean(freeBytes: 1_000)) { error in
            XCTAssertTrue("\(error)".contains("bytes free"), "\(error)")
        }
        XCTAssertTrue(try store.leanConversionPending(), "nothing was touched")
    }
}
