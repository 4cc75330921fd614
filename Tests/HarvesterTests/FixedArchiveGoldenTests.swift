@testable import Archive
import Foundation
import Harvester
import TL
import XCTest

/// Exports, version rows and the change log of a fixed archive, compared byte for byte with the files in
/// `Tests/Golden/fixed-archive`, captured from the archive layout before issue #17 (JSON columns beside
/// `raw`): whatever the archive stores, what it gives back stays the same.
///
/// The archive is built from the sandbox world on its simulated clock (deterministic): `tiny` whole, and
/// `mid` from 12 hours back, run again 8 hours later with a 2-day refresh (new posts, edits making version
/// rows, deletion marks). `TGCRON_UPDATE_GOLDEN=1` rewrites the files (and `v4-archive.sqlite`, the
/// archive itself as that layout stored it) instead of comparing.
final class FixedArchiveGoldenTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Golden/fixed-archive")
    private var updating: Bool { ProcessInfo.processInfo.environment["TGCRON_UPDATE_GOLDEN"] == "1" }

    /// Builds the fixed archive in `harness`.
    static func build(_ harness: HarvestHarness) async throws {
        _ = await harness.run(HarvestPlan(job: "tiny", channel: .username("tiny")))
        let mid = HarvestPlan(job: "mid", channel: .username("mid"),
                              window: HarvestWindow(since: harness.now.addingTimeInterval(-12 * 3_600)), refresh: 2 * 86_400)
        _ = await harness.run(mid)
        harness.sandbox.clock.advance(by: 8 * 3_600)
        _ = await harness.run(mid)
    }

    /// Every golden output of the archive in `store`, by file name.
    static func outputs(of store: ArchiveStore, channels: [Int64]) throws -> [String: String] {
        var files: [String: String] = [:]
        var jsonl = StringExportSink()
        try store.export(.jsonl, filter: ExportFilter(), to: &jsonl)
        files["export.jsonl"] = jsonl.text
        var csv = StringExportSink()
        try store.export(.csv, filter: ExportFilter(), to: &csv)
        files["export.csv"] = csv.text
        for channel in channels {
            var desktop = StringExportSink()
            try store.export(.desktopJSON, filter: ExportFilter(channel: channel), to: &desktop,
                             timeZone: TimeZone(identifier: "UTC")!)
            files["desktop-\(channel).json"] = desktop.text
        }
        files["versions.jsonl"] = try versionLines(store, channels: channels)
        files["changes.jsonl"] = try changeLines(store)
        return files
    }

    func testExportsVersionsAndChangesOfTheFixedArchiveAreByteForByteTheGoldenFiles() async throws {
        let harness = try await HarvestHarness()
        try await Self.build(harness)
        let channels = [try harness.channelID("tiny"), try harness.channelID("mid")]
        let files = try Self.outputs(of: harness.store, channels: channels)
        if updating {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            for (name, text) in files { try Data(text.utf8).write(to: Self.folder.appendingPathComponent(name)) }
            try Self.vacuum(harness.store.path, into: Self.folder.appendingPathComponent("v4-archive.sqlite"))
            return
        }
        try Self.assertGolden(files)
    }

    /// Fails for each output that differs from its golden file.
    static func assertGolden(_ files: [String: String], file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertGreaterThan(files["export.jsonl"]?.count ?? 0, 100_000, file: file, line: line)
        for (name, text) in files.sorted(by: { $0.key < $1.key }) {
            let golden = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            XCTAssertTrue(text == golden, "\(name) differs from its golden file", file: file, line: line)
        }
    }

    private static func versionLines(_ store: ArchiveStore, channels: [Int64]) throws -> String {
        var text = ""
        let codec = TLJSONCodec()
        for channel in channels {
            for id in try store.archivedIDs(channel: channel, in: 0...Int32.max) {
                for version in try store.versions(channel: channel, id: id) {
                    let message = try codec.decode([UInt8](version.raw)).text(pretty: false)
                    text += "{\"channel\":\(channel),\"id\":\(id),\"replaced_at\":\(version.replacedAt.timeIntervalSince1970),"
                        + "\"edit_date\":\(version.editDate.map(String.init) ?? "null"),\"media_kind\":\"\(version.mediaKind ?? "")\","
                        + "\"layer\":\(version.layer),\"message\":\(message)}\n"
                }
            }
        }
        return text
    }

    private static func changeLines(_ store: ArchiveStore) throws -> String {
        var text = ""
        var seq: Int64 = 0
        while true {
            let changes = try store.changes(after: seq, limit: 500)
            guard let last = changes.last else { return text }
            for change in changes {
                text += "{\"seq\":\(change.seq),\"kind\":\"\(change.kind.rawValue)\",\"channel\":\(change.channelId),"
                    + "\"id\":\(change.messageId),\"at\":\(change.at.timeIntervalSince1970),"
                    + "\"message\":\(try change.message?.tlJSON() ?? "null")}\n"
            }
            seq = last.seq
        }
    }

    /// A compact copy of the archive at `path` (the `sqlite3` shell's `VACUUM INTO`).
    static func vacuum(_ path: String, into target: URL) throws {
        try? FileManager.default.removeItem(at: target)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path, "VACUUM INTO '\(target.path)'"]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
    }
}
