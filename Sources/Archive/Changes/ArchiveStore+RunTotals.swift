import Foundation
import GRDB

extension ArchiveStore {
    /// Every job's finished runs summed, by job name, from one snapshot (what metrics exporters read).
    public func runTotals() throws(ArchiveError) -> [JobRunTotals] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                WITH finished AS (
                    SELECT CASE WHEN job LIKE 'backfill:%' THEN 'backfill' ELSE job END AS series, *
                    FROM runs WHERE status != 'running'),
                latest AS (
                    SELECT series, status,
                        ROUND((julianday(ended_at) - julianday(started_at)) * 86400, 3) AS seconds,
                        ROW_NUMBER() OVER (PARTITION BY series ORDER BY started_at DESC, id DESC) AS rank
                    FROM finished)
                SELECT f.series AS job, COUNT(*) AS runs, SUM(messages_new) AS messages_new,
                    SUM(messages_updated) AS messages_updated, SUM(requests) AS requests,
                    SUM(flood_waits) AS flood_waits, SUM(f.status = 'deferred') AS deferrals,
                    SUM(f.status = 'failed') AS failures,
                    MAX(CASE WHEN f.status = 'succeeded' THEN ended_at END) AS last_success,
                    l.status AS last_status, l.seconds AS last_seconds
                FROM finished f JOIN latest l ON l.series = f.series AND l.rank = 1
                GROUP BY f.series ORDER BY f.series
                """)
            return rows.map { row in
                JobRunTotals(
                    job: row["job"], runs: row["runs"], messagesNew: row["messages_new"],
                    messagesUpdated: row["messages_updated"], requests: row["requests"],
                    floodWaits: row["flood_waits"], deferrals: row["deferrals"], failures: row["failures"],
                    lastSuccess: row["last_success"],
                    lastStatus: (row["last_status"] as String?).flatMap(RunStatus.init(rawValue:)),
                    lastRunSeconds: row["last_seconds"])
            }
        }
    }

    /// Per archived channel, the newest archived message and the end of the latest successful run on it:
    /// how fresh the archive is, for metrics and `status --check`.
    public func channelFreshness() throws(ArchiveError) -> [ChannelFreshness] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT c.id AS id, c.username AS username,
                    (SELECT MAX(m.date) FROM messages m WHERE m.channel_id = c.id AND m.kind != 'empty') AS newest,
                    (SELECT MAX(r.ended_at) FROM runs r WHERE r.channel_id = c.id AND r.status = 'succeeded') AS last_success
                FROM channels c WHERE EXISTS (SELECT 1 FROM runs r WHERE r.channel_id = c.id) ORDER BY c.id
                """)
            return rows.map { row in
                ChannelFreshness(
                    channelID: row["id"], username: row["username"],
                    newestMessage: (row["newest"] as Int64?).map { Date(timeIntervalSince1970: TimeInterval($0)) },
                    lastSuccess: row["last_success"])
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
