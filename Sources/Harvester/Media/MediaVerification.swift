import Archive
import Foundation

/// `media verify`: the ledger is the truth, so every `done` row's file must be in the store, of its
/// size and SHA-256; with `repair`, rows whose file is missing or corrupt (and `failed` rows) are queued
/// again and a corrupt file is removed, so the next run fetches it.
public struct MediaVerification: Sendable {
    /// One row whose file is not what the ledger says.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        /// The ledger row.
        public var entry: MediaEntry
        /// What is wrong.
        public var reason: String

        /// A line for the terminal.
        public var description: String {
            "channel \(entry.channelId) message \(entry.messageId) (file \(entry.fileId)): \(reason)"
        }
    }

    /// What a verification found.
    public struct Report: Sendable, Equatable {
        /// `done` rows checked.
        public var checked = 0
        /// Rows whose file is missing or corrupt, and failed rows.
        public var problems: [Problem] = []
        /// Rows queued again (with `repair`).
        public var requeued = 0
    }

    let store: any ArchiveStorage
    let content: ContentStore

    /// A verification of `store`'s ledger against the files under `root`.
    public init(store: any ArchiveStorage, root: String) {
        self.store = store
        content = ContentStore(root: root)
    }

    /// Checks every `done` row (each stored file hashed once) and lists `failed` rows; `repair` queues them again.
    public func run(repair: Bool, now: Date = Date()) throws -> Report {
        var report = Report()
        var verdicts: [String: String?] = [:]
        for entry in try store.mediaEntries(status: .done) {
            report.checked += 1
            guard let path = entry.path, let sha = entry.sha256 else {
                report.problems.append(Problem(entry: entry, reason: "done without a path or hash"))
                continue
            }
            let verdict: String?
            if let known = verdicts[path] {
                verdict = known
            } else {
                verdict = Self.check(content.absolutePath(path), sha256: sha, size: entry.size)
                verdicts[path] = verdict
            }
            if let verdict { report.problems.append(Problem(entry: entry, reason: verdict)) }
        }
        for entry in try store.mediaEntries(status: .failed) {
            report.problems.append(Problem(entry: entry, reason: "failed: \(entry.error ?? "unknown error")"))
        }
        guard repair else { return report }
        for problem in report.problems {
            guard let id = problem.entry.id else { continue }
            if let path = problem.entry.path, FileManager.default.fileExists(atPath: content.absolutePath(path)) {
                try? FileManager.default.removeItem(atPath: content.absolutePath(path))
            }
            try store.requeueMedia(id: id, reason: "media verify: \(problem.reason)", now: now)
            report.requeued += 1
        }
        return report
    }

    /// Why the file at `path` is not the one expected, or nil when it is.
    static func check(_ path: String, sha256: String, size: Int64) -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return "missing from the store" }
        guard let digest = ContentStore.digest(ofFileAt: path) else { return "unreadable" }
        if digest.size != size { return "corrupt: \(digest.size) bytes where \(size) were stored" }
        if digest.sha256 != sha256 { return "corrupt: its SHA-256 is \(digest.sha256)" }
        return nil
    }
}
