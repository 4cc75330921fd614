import Foundation

/// Files in the data directory written whole: a reader never sees a half-written key or manifest.
enum AtomicFile {
    /// Writes `text` atomically with permissions `mode` (set before the content lands).
    static func write(_ text: String, to url: URL, mode: Int) throws(SandboxServerError) {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp")
        let manager = FileManager.default
        do {
            try? manager.removeItem(at: temporary)
            guard manager.createFile(atPath: temporary.path, contents: nil, attributes: [.posixPermissions: mode]) else {
                throw CocoaError(.fileWriteNoPermission)
            }
            let handle = try FileHandle(forWritingTo: temporary)
            try handle.write(contentsOf: Data(text.utf8))
            try handle.close()
            guard rename(temporary.path, url.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            throw .dataDirectory(url.deletingLastPathComponent().path, "cannot write \(url.lastPathComponent): \(error.localizedDescription)")
        }
    }
}
