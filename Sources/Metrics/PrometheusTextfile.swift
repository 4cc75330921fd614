import Foundation

/// Writes metrics for node_exporter's textfile collector, which may read the file at any moment: the text
/// goes to a temporary file in the same directory that is then renamed over the target, so a reader sees
/// the old file or the new one, never half of one.
public enum PrometheusTextfile {
    /// Writes `snapshot` rendered as exposition text to `path` atomically (mode 0644, for the exporter's user).
    public static func write(_ snapshot: MetricsSnapshot, to path: String) throws(MetricsError) {
        try write(text: PrometheusText.render(snapshot), to: path)
    }

    /// Writes `text` to `path` atomically.
    static func write(text: String, to path: String) throws(MetricsError) {
        let target = URL(fileURLWithPath: path)
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: temporary.path)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .textfileFailed(path: path, reason: error.localizedDescription)
        }
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw .textfileFailed(path: path, reason: reason)
        }
    }
}
