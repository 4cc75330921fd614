import Archive
import Foundation

/// A fresh archive file in a temporary directory, removed with the directory.
struct TemporaryArchive {
    let directory: URL
    let path: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tgcron-clientstore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("archive.sqlite").path
    }

    /// The archive at `path`, opened (again).
    func open() throws -> ArchiveStore {
        try ArchiveStore(path: path)
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}
