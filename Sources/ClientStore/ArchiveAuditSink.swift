import Archive
import Client
import Foundation

/// Writes every call the client makes to the archive's `audit_log`: method, start, duration, result
/// count and the error by its RPC name (`ClientError.auditName`, never a secret).
public struct ArchiveAuditSink: AuditSink {
    /// The archive written to.
    public let archive: any ArchiveStorage
    /// Hears about records the archive refused (a full disk must not fail the call being audited).
    public let onFailure: @Sendable (ArchiveError) -> Void

    /// A sink into `archive`; write failures go to `onFailure` (ignored by default).
    public init(archive: any ArchiveStorage, onFailure: @escaping @Sendable (ArchiveError) -> Void = { _ in }) {
        self.archive = archive
        self.onFailure = onFailure
    }

    /// Appends `record` as one audit row.
    public func record(_ record: Client.AuditRecord) async {
        let row = Archive.AuditRecord(
            time: Date(timeIntervalSince1970: record.started), method: record.method, count: record.resultCount,
            durationMs: Int((record.duration * 1000).rounded()), error: record.error?.auditName)
        do {
            try archive.appendAudit([row])
        } catch {
            onFailure(error)
        }
    }
}
