import Foundation
import GRDB

extension ArchiveStore {
    /// Appends API calls to the audit log in one transaction.
    public func appendAudit(_ entries: [AuditRecord]) throws(ArchiveError) {
        try write { db in
            let insert = try db.cachedStatement(sql: """
                INSERT INTO audit_log (time, method, peer, count, duration_ms, error) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                """)
            for entry in entries {
                var row = RowBinder(insert, in: db)
                row.bind(DatabaseDateText(entry.time).text)
                row.bind(entry.method)
                row.bind(entry.peer)
                row.bind(entry.count.map(Int64.init))
                row.bind(Int64(entry.durationMs))
                row.bind(entry.error)
                _ = try row.run()
            }
        }
    }

    /// Audit entries at or after `since`, oldest first, at most `limit`.
    func auditLog(since: Date, limit: Int = 1000) throws(ArchiveError) -> [AuditRecord] {
        try read { db in
            try AuditRecord.filter(Column("time") >= since).order(Column("time"), Column("id")).limit(limit).fetchAll(db)
        }
    }
}
