import Foundation
import Logging

/// Writes log lines to standard error in one `LogLineFormat`; each line is one `write(2)`, so lines of
/// concurrent tasks never interleave.
struct StandardErrorLogHandler: LogHandler {
    let label: String
    let format: LogLineFormat
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        let line = format.line(date: Date(), level: event.level, label: label, message: event.message.description,
                               metadata: merged)
        ProgressLine.shared.clearIfShown()
        StandardStreams.writeError(line + "\n")
    }
}
