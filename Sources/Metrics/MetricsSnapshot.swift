import Archive
import Foundation

/// What the exporters publish: every job's run totals as of one moment, read from the archive.
public struct MetricsSnapshot: Equatable, Sendable {
    /// Per job, by name.
    public var jobs: [JobRunTotals]
    /// When the snapshot was taken.
    public var collectedAt: Date
    /// Whether a session of the archive needs a new login (its key retired, the account banned or revoked).
    public var loginNeeded: Bool

    /// A snapshot of `jobs` at `collectedAt`.
    public init(jobs: [JobRunTotals], collectedAt: Date, loginNeeded: Bool = false) {
        self.jobs = jobs
        self.collectedAt = collectedAt
        self.loginNeeded = loginNeeded
    }

    /// Reads the totals from `archive`.
    public static func collect(from archive: ArchiveStore, at now: Date = Date()) throws(ArchiveError) -> MetricsSnapshot {
        MetricsSnapshot(jobs: try archive.runTotals(), collectedAt: now, loginNeeded: try archive.anySessionNeedsLogin())
    }
}
