import Foundation
import GRDB

extension ArchiveStore {
    /// The status of every job/channel pair with a checkpoint or a run, by job then channel, from one
    /// consistent snapshot.
    public func statusReport() throws(ArchiveError) -> StatusReport {
        try read { db in
            let pairs = try Row.fetchAll(db, sql: """
                SELECT job, channel_id FROM checkpoints
                UNION SELECT job, channel_id FROM runs WHERE channel_id IS NOT NULL
                ORDER BY job, channel_id
                """)
            return StatusReport(rows: try pairs.map { pair in
                try Self.statusRow(job: pair["job"], channel: pair["channel_id"], in: db)
            })
        }
    }

    private static func statusRow(job: String, channel id: Int64, in db: Database) throws -> StatusRow {
        let channel = try ChannelRecord.fetchOne(db, key: id)
        let checkpoint = try CheckpointRecord.fetchOne(db, key: ["job": job, "channel_id": id])?.checkpoint ?? Checkpoint()
        let dates = try dateRange(channel: id, in: db)
        let run = try lastRun(job: job, channel: id, in: db)
        let deleted = try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM messages WHERE channel_id = ? AND deleted_at IS NOT NULL AND kind != 'empty'
            """, arguments: [id]) ?? 0
        return StatusRow(
            job: job,
            channelId: id,
            channelTitle: channel?.title ?? String(id),
            channelUsername: channel?.username,
            archived: try messageCount(channel: id, in: db),
            deleted: deleted,
            head: checkpoint.head,
            tail: checkpoint.tail,
            windowStartReached: checkpoint.windowStartReached,
            oldest: dates?.lowerBound,
            newest: dates?.upperBound,
            lastRunStatus: run?.status,
            lastRunStarted: run?.startedAt,
            floodWaits: run?.floodWaits ?? 0,
            deferralReason: run?.deferralReason,
            nextDue: nil)
    }
}
