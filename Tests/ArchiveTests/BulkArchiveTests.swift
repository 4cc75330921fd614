import Foundation
import XCTest
@testable import Archive

/// 50,000 messages in 500 pages of 100: memory must stay flat while the archive grows and while it is exported.
final class BulkArchiveTests: XCTestCase {
    /// Resident memory of this process, from /proc (Linux).
    private func residentBytes() throws -> Int {
        let statm = try String(contentsOfFile: "/proc/self/statm", encoding: .utf8).split(separator: " ")
        let pages = try XCTUnwrap(statm.count > 1 ? Int(statm[1]) : nil)
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    func testFiftyThousandMessagesInFiveHundredPagesStayInBoundedMemory() throws {
        try XCTSkipUnless(FileManager.default.fileExists(atPath: "/proc/self/statm"), "needs /proc")
        let store = try Fixtures.store(self)
        let pages = 500
        let allowedGrowth = 48 << 20
        var baseline = 0
        let started = Date()

        for page in 0..<pages {
            let low = Int32(page * 100 + 1)
            let result = try store.commitPage(channel: Fixtures.channel, job: Fixtures.job,
                                              messages: Fixtures.page(low...(low + 99)),
                                              checkpoint: Checkpoint(head: low + 99, tail: 1), now: Fixtures.now)
            XCTAssertEqual(result.new, 100)
            if page == 50 { baseline = try residentBytes() }
            if page > 50, page % 50 == 0 {
                XCTAssertLessThan(try residentBytes() - baseline, allowedGrowth, "after page \(page)")
            }
        }
        let committed = Date().timeIntervalSince(started)

        XCTAssertEqual(try store.messageCount(channel: Fixtures.channel.id), 50_000)
        XCTAssertEqual(try store.checkpoint(job: Fixtures.job, channel: Fixtures.channel.id), Checkpoint(head: 50_000, tail: 1))

        let path = try Fixtures.temporaryDirectory(self).appendingPathComponent("all.jsonl").path
        var writer = JSONLExportWriter(sink: try FileExportSink(path: path))
        let exportBaseline = try residentBytes()
        let exportStarted = Date()
        XCTAssertEqual(try store.export(ExportFilter(channel: Fixtures.channel.id), to: &writer), 50_000)
        var sink = writer.sink
        try sink.close()
        XCTAssertLessThan(try residentBytes() - exportBaseline, allowedGrowth, "during export")
        print("50k messages: commit \(String(format: "%.1f", committed)) s, JSONL export \(String(format: "%.1f", Date().timeIntervalSince(exportStarted))) s")
    }
}
