import Foundation
import GRDB

extension ArchiveStore {
    /// Every job's finished runs summed, by job name, from one snapshot (what metrics exporters read).
    public func runTotals() throws(ArchiveError) -> [JobRunTotals] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT job, COUNT(*) AS runs, SUM(messages_new) AS messages_new,
                    SUM(messages_updated) AS messages_updated, SUM(requests) AS requests,
                    SUM(flood_waits) AS flood_waits, SUM(status = 'deferred') AS deferrals,
                    SUM(status = 'failed') AS failures,
                    MAX(CASE WHEN status = 'succeeded' THEN ended_at END) AS last_success,
                    (SELECT r.status FROM runs r WHERE r.job = runs.job AND r.status != 'running'
                        ORDER BY r.started_at DESC, r.id DESC LIMIT 1) AS last_status
                FROM runs WHERE status != 'running' GROUP BY job ORDER BY job
                """)
            return rows.map { row in
                JobRunTotals(
                    job: row["job"], runs: row["runs"], messagesNew: row["messages_new"],
                    messagesUpdated: row["messages_updated"], requests: row["requests"],
                    floodWaits: row["flood_waits"], deferrals: row["deferrals"], failures: row["failures"],
                    lastSuccess: row["last_success"],
                    lastStatus: (row["last_status"] as String?).flatMap(RunStatus.init(rawValue:)))
            }
        }
    }

    /// The error of the run of `job` that ended before run `runID`, if that run failed.
    public func previousFailure(job: String, before runID: Int64) throws(ArchiveError) -> String? {
        try read { db in
            try String.fetchOne(db, sql: """
                SELECT error FROM runs WHERE job = ? AND id < ? AND status != 'running' ORDER BY id DESC LIMIT 1
                """, arguments: [job, runID])
        }
    }

    /// How many of `job`'s latest finished runs in a row were deferred (0 if the latest was not), for the
    /// "deferred N times in a row" notification. Runs still running are not counted either way.
    public func consecutiveDeferrals(job: String) throws(ArchiveError) -> Int {
        try read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM runs WHERE job = ? AND status = 'deferred' AND id > coalesce(
                    (SELECT MAX(id) FROM runs WHERE job = ? AND status NOT IN ('deferred', 'running')), 0)
                """, arguments: [job, job]) ?? 0
        }
    }
}
