import Archive
import TestSupport

/// A fresh archive file in a temporary directory, removed with the directory.
struct TemporaryArchive {
    let directory: TemporaryDirectory
    var path: String { directory.archivePath }

    init() throws {
        directory = try TemporaryDirectory(prefix: "tgcron-clientstore")
    }

    /// The archive at `path`, opened (again).
    func open() throws -> ArchiveStore {
        try ArchiveStore(path: path)
    }

    func remove() {
        directory.remove()
    }
}
