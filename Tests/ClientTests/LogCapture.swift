import Foundation
import Logging

/// Every log line written through its handlers, level, message and metadata, for assertions about
/// what reaches the log.
final class LogCapture: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    /// Everything captured, one line per entry.
    var text: String { lock.withLock { lines.joined(separator: "\n") } }

    /// A logger at `.trace` writing here.
    func logger(label: String) -> Logger {
        var logger = Logger(label: label) { _ in Handler(capture: self) }
        logger.logLevel = .trace
        return logger
    }

    fileprivate func append(_ line: String) {
        lock.withLock { lines.append(line) }
    }

    private struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            let fields = merged.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " ")
            capture.append("\(event.level) \(event.message) \(fields) \(event.source) \(event.error.map { "\($0)" } ?? "")")
        }
    }
}
