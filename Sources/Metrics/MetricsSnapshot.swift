import Archive
import Foundation

/// What the exporters publish: every job's run totals as of one moment, read from the archive.
public struct MetricsSnapshot: Equatable, Sendable {
    /// Per job, by name.
    public var jobs: [JobRunTotals]
    /// When the snapshot was taken.
    public var collectedAt: Date

    /// A snapshot of `jobs` at `collectedAt`.
    public init(jobs: [JobRunTotals], collectedAt: Date) {
        self.jobs = jobs
        self.collectedAt = collectedAt
    }

    /// Reads the totals from `archive` in one transaction.
    public static func collect(from archive: ArchiveStore, at now: Date = Date()) throws(ArchiveError) -> MetricsSnapshot {
        MetricsSnapshot(jobs: try archive.runTotals(), collectedAt: now)
    }
}
