import GRDB

/// Where one ledger row's download stands.
public enum MediaStatus: String, Codable, Sendable, CaseIterable {
    /// Queued, nothing stored yet.
    case pending
    /// Some bytes stored and synced (`bytes_done`); the next attempt resumes there.
    case partial
    /// Whole, verified (size and SHA-256) and in the store at `path`.
    case done
    /// Left out by the job's filter (`skip_reason` says which rule).
    case skipped
    /// Given up after repeated errors (`error` holds the last); `media verify --repair` queues it again.
    case failed
}

extension MediaStatus: DatabaseValueConvertible {}
