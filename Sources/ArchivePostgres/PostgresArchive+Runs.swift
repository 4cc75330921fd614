import Archive
import Foundation
import PostgresNIO

/// Runs and the audit log on PostgreSQL.
extension PostgresArchive: RunStorage {
    public func beginRun(job: String, channel: Int64?, startedAt: Date) throws(ArchiveError) -> Int64 {
        try transaction { session in
            guard let id = try session.scalar("""
                INSERT INTO runs (job, channel_id, started_at, status) VALUES (\(job), \(channel), \(startedAt),
                    \(RunStatus.running.rawValue)) RETURNING id
                """, as: Int64.self) else { throw ArchiveError.database(path: location.description, reason: "no run id returned") }
            return id
        }
    }

    public func setRunChannel(id: Int64, channel: Int64) throws(ArchiveError) {
        try transaction { session in
            try session.execute("UPDATE runs SET channel_id = \(channel) WHERE id = \(id)")
        }
    }

    public func finishRun(id: Int64, outcome: RunOutcome) throws(ArchiveError) {
        try transaction { session in
            try session.execute("""
                UPDATE runs SET ended_at = \(outcome.endedAt), status = \(outcome.status.rawValue),
                    messages_new = \(Int64(outcome.messagesNew)), messages_updated = \(Int64(outcome.messagesUpdated)),
                    requests = \(Int64(outcome.requests)), flood_waits = \(Int64(outcome.floodWaits)),
                    deferral_reason = \(outcome.deferralReason), error = \(outcome.error)
                WHERE id = \(id)
                """)
        }
    }

    @discardableResult
    public func markInterruptedRuns(at now: Date) throws(ArchiveError) -> Int {
        try transaction { session in
            try session.execute("""
                UPDATE runs SET status = \(RunStatus.interrupted.rawValue), ended_at = \(now)
                WHERE status = \(RunStatus.running.rawValue)
                """)
        }
    }

    public func lastRun(job: String, channel: Int64) throws(ArchiveError) -> RunRecord? {
        try transaction { session in
            try session.record("""
                SELECT to_jsonb(r)::text FROM runs r WHERE job = \(job) AND channel_id = \(channel)
                ORDER BY started_at DESC, id DESC LIMIT 1
                """, as: RunRecord.self)
        }
    }

    public func lastRunStart(job: String) throws(ArchiveError) -> Date? {
        try transaction { session in
            try session.scalar("""
                SELECT started_at FROM runs WHERE job = \(job)
                    AND status NOT IN (\(RunStatus.interrupted.rawValue), \(RunStatus.running.rawValue))
                ORDER BY started_at DESC, id DESC LIMIT 1
                """, as: Date.self)
        }
    }

    public func previousFailure(job: String, before runID: Int64) throws(ArchiveError) -> String? {
        try transaction { session in
            try session.scalar("""
                SELECT error FROM runs WHERE job = \(job) AND id < \(runID) AND status != 'running' ORDER BY id DESC LIMIT 1
                """, as: String.self)
        }
    }

    public func consecutiveDeferrals(job: String) throws(ArchiveError) -> Int {
        try transaction { session in
            try session.scalar("""
                SELECT count(*) FROM runs WHERE job = \(job) AND status = 'deferred' AND id > coalesce(
                    (SELECT max(id) FROM runs WHERE job = \(job) AND status NOT IN ('deferred', 'running')), 0)
                """, as: Int64.self).map(Int.init) ?? 0
        }
    }

    public func appendAudit(_ entries: [AuditRecord]) throws(ArchiveError) {
        try transaction { session in
            for entry in entries {
                try session.execute("""
                    INSERT INTO audit_log (time, method, peer, count, duration_ms, error)
                    VALUES (\(entry.time), \(entry.method), \(entry.peer), \(entry.count.map(Int64.init)),
                        \(Int64(entry.durationMs)), \(entry.error))
                    """)
            }
        }
    }

    /// Audit entries at or after `since`, oldest first, at most `limit`.
    public func auditLog(since: Date, limit: Int = 1000) throws(ArchiveError) -> [AuditRecord] {
        try transaction { session in
            try session.records("""
                SELECT to_jsonb(a)::text FROM audit_log a WHERE time >= \(since) ORDER BY time, id LIMIT \(Int64(limit))
                """, as: AuditRecord.self)
        }
    }
}
