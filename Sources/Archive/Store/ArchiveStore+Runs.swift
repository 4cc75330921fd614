import Foundation
import GRDB

extension ArchiveStore {
    /// Records that `job` started a run on `channel` (nil while unresolved); returns the run's id.
    public func beginRun(job: String, channel: Int64?, startedAt: Date) throws(ArchiveError) -> Int64 {
        try write { db in
            try RunRecord(id: nil, job: job, channelId: channel, startedAt: startedAt, endedAt: nil, status: .running,
                          messagesNew: 0, messagesUpdated: 0, requests: 0, floodWaits: 0).insert(db)
            return db.lastInsertedRowID
        }
    }

    /// Records how run `id` ended.
    public func finishRun(id: Int64, outcome: RunOutcome) throws(ArchiveError) {
        try write { db in
            try db.execute(sql: """
                UPDATE runs SET ended_at = ?, status = ?, messages_new = ?, messages_updated = ?, requests = ?,
                    flood_waits = ?, deferral_reason = ?, error = ? WHERE id = ?
                """, arguments: [outcome.endedAt, outcome.status.rawValue, outcome.messagesNew, outcome.messagesUpdated,
                                 outcome.requests, outcome.floodWaits, outcome.deferralReason, outcome.error, id])
        }
    }

    /// Marks runs still `running` as `interrupted` (their process died); call at startup, before any run
    /// begins. Returns how many were marked.
    @discardableResult
    public func markInterruptedRuns(at now: Date) throws(ArchiveError) -> Int {
        try write { db in
            try db.execute(sql: "UPDATE runs SET status = ?, ended_at = ? WHERE status = ?",
                           arguments: [RunStatus.interrupted.rawValue, now, RunStatus.running.rawValue])
            return db.changesCount
        }
    }

    /// The latest run of `job` on `channel`.
    public func lastRun(job: String, channel: Int64) throws(ArchiveError) -> RunRecord? {
        try read { db in try Self.lastRun(job: job, channel: channel, in: db) }
    }

    static func lastRun(job: String, channel: Int64, in db: Database) throws -> RunRecord? {
        try RunRecord
            .filter(Column("job") == job && Column("channel_id") == channel)
            .order(Column("started_at").desc, Column("id").desc)
            .fetchOne(db)
    }
}
