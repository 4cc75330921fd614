import Archive
import Foundation

/// What the exporters publish: every job's run totals and every channel's freshness as of one moment,
/// read from the archive, and the build that publishes them.
public struct MetricsSnapshot: Equatable, Sendable {
    /// Per job, by name.
    public var jobs: [JobRunTotals]
    /// Per archived channel, by id.
    public var channels: [ChannelFreshness]
    /// The tgcron version (`tgcron_build_info`).
    public var version: String
    /// When the snapshot was taken.
    public var collectedAt: Date
    /// Whether a session of the archive needs a new login (its key retired, the account banned or revoked).
    public var loginNeeded: Bool
    /// The media ledger per channel and status.
    public var media: [MediaSummaryRow] = []

    /// A snapshot of `jobs` and `channels` at `collectedAt`.
    public init(jobs: [JobRunTotals], channels: [ChannelFreshness] = [], version: String = "unknown", collectedAt: Date,
                loginNeeded: Bool = false) {
        self.jobs = jobs
        self.channels = channels
        self.version = version
        self.collectedAt = collectedAt
        self.loginNeeded = loginNeeded
    }

    /// Reads the totals, freshness and login state from `archive`.
    public static func collect(from archive: ArchiveStore, version: String = "unknown",
                               at now: Date = Date()) throws(ArchiveError) -> MetricsSnapshot {
        var snapshot = MetricsSnapshot(jobs: try archive.runTotals(), channels: try archive.channelFreshness(), version: version,
                                       collectedAt: now, loginNeeded: try archive.anySessionNeedsLogin())
        snapshot.media = try archive.mediaSummary()
        return snapshot
    }

    /// Why a health check should fail: the jobs whose latest run failed (empty when healthy).
    public var failingJobs: [String] {
        jobs.filter { $0.lastStatus == .failed }.map(\.job)
    }
}
