import Foundation

/// The one-line progress display of long runs on a terminal (messages, rate, ETA), redrawn in place and
/// cleared before any log line; never shown when standard error is not a terminal.
final class ProgressLine: @unchecked Sendable {
    /// The process's progress line.
    static let shared = ProgressLine(enabled: isatty(STDERR_FILENO) == 1)

    private let lock = NSLock()
    /// Whether the line is drawn at all (standard error is a terminal).
    let enabled: Bool
    private var shown = false

    private init(enabled: Bool) {
        self.enabled = enabled
    }

    /// Shows `text` in place of the previous progress line.
    func show(_ text: String) {
        guard enabled else { return }
        lock.withLock {
            StandardStreams.writeError("\r\u{1B}[2K\(text)")
            shown = true
        }
    }

    /// Erases the progress line if it is on screen.
    func clearIfShown() {
        guard enabled else { return }
        lock.withLock {
            guard shown else { return }
            StandardStreams.writeError("\r\u{1B}[2K")
            shown = false
        }
    }
}
