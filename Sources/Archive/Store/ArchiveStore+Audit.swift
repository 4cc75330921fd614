import Foundation
import GRDB

extension ArchiveStore {
    /// Appends API calls to the audit log in one transaction.
    public func appendAudit(_ entries: [AuditRecord]) throws(ArchiveError) {
        try write { db in
            for entry in entries { try entry.insert(db) }
        }
    }

    /// Audit entries at or after `since`, oldest first, at most `limit`.
    public func auditLog(since: Date, limit: Int = 1000) throws(ArchiveError) -> [AuditRecord] {
        try read { db in
            try AuditRecord.filter(Column("time") >= since).order(Column("time"), Column("id")).limit(limit).fetchAll(db)
        }
    }
}
