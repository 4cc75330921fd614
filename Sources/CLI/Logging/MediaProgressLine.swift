import Archive
import Foundation

/// The progress line of a file download on a terminal: which message's file, bytes of the size, the rate
/// since the file started and the time left at that rate. Redrawn at most five times a second.
final class MediaProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private var file: Int64?
    private var started = Date()
    private var startBytes: Int64 = 0
    private var drawn = Date.distantPast

    /// A reporter for the scheduler, or nil when standard error is not a terminal.
    static var reporter: (@Sendable (MediaEntry, Int64) -> Void)? {
        guard ProgressLine.shared.enabled else { return nil }
        let line = MediaProgressLine()
        return { entry, watermark in line.report(entry, watermark) }
    }

    private func report(_ entry: MediaEntry, _ watermark: Int64) {
        let now = Date()
        let text: String? = lock.withLock {
            if file != entry.id {
                (file, started, startBytes) = (entry.id, now, watermark)
            }
            guard now.timeIntervalSince(drawn) >= 0.2 || watermark == entry.size else { return nil }
            drawn = now
            let elapsed = max(now.timeIntervalSince(started), 0.001)
            let rate = Double(watermark - startBytes) / elapsed
            let eta = rate > 0 ? Double(entry.size - watermark) / rate : 0
            return String(format: "media: message %d, %@ of %@, %@/s, ETA %.0f s", Int(entry.messageId),
                          Self.bytes(Double(watermark)), Self.bytes(Double(entry.size)), Self.bytes(rate), eta)
        }
        if let text { ProgressLine.shared.show(text) }
    }

    private static func bytes(_ value: Double) -> String {
        value >= 1_048_576 ? String(format: "%.1f MiB", value / 1_048_576) : String(format: "%.0f KiB", value / 1_024)
    }
}
