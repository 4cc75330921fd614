import Archive
import Foundation
import TL

/// The archive's share of a backfill: building message rows, and committing 100-message pages (rows, change
/// log, checkpoint, one transaction each) into a fresh archive on disk.
enum ArchiveCommitBenchmark {
    static func run() throws -> String {
        let pagesPerRun = 100
        let template = SampleChannelPage.make(messages: 100)
        guard case .channelMessages(let sample) = template else { return "" }
        let channel = ChannelInfo(id: 1_981_172_626_292, accessHash: 123_456_789, username: "marketslive",
                                  title: "Markets Live")
        let now = Date()
        let rowSeconds = try medianCPUSeconds {
            for _ in 0..<pagesPerRun {
                for message in sample.messages { _ = try MessageRecord(channelId: channel.id, message: message, now: now) }
            }
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tgcron-bench-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var run = 0
        let commitSeconds = try medianCPUSeconds {
            run += 1
            let store = try ArchiveStore(path: directory.appendingPathComponent("run-\(run).sqlite").path)
            for page in 0..<pagesPerRun {
                let top = Int32(1_000_000 - page * 100)
                let messages = sample.messages.enumerated().map { renumbered($0.element, id: top - Int32($0.offset)) }
                let checkpoint = Checkpoint(head: 1_000_000, tail: top - 99)
                try store.commitPage(channel: channel, job: "bench", messages: messages, checkpoint: checkpoint, now: now)
            }
        }
        let messages = Double(pagesPerRun * 100)
        return """
            | Archive: message rows built (JSON columns, digest, raw bytes), same page | \(String(format: "%.1f", rowSeconds / messages * 1e6)) µs CPU/message |
            | Archive: 100-message pages committed (rows, change log, checkpoint; WAL, on disk) | \(String(format: "%.1f", commitSeconds / messages * 1e6)) µs CPU/message |
            """
    }

    private static func renumbered(_ message: Api.Message, id: Int32) -> Api.Message {
        guard case .message(var body) = message else { return message }
        body.id = id
        return .message(body)
    }
}
