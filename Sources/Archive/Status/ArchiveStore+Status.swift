import Foundation
import GRDB

extension ArchiveStore {
    /// The status of every job/channel pair with a checkpoint, from one consistent snapshot.
    public func statusReport() throws(ArchiveError) -> StatusReport {
        try read { db in
            let checkpoints = try CheckpointRecord.order(Column("job"), Column("channel_id")).fetchAll(db)
            var rows: [StatusRow] = []
            for checkpoint in checkpoints {
                let channel = try ChannelRecord.fetchOne(db, key: checkpoint.channelId)
                let dates = try Self.dateRange(channel: checkpoint.channelId, in: db)
                let run = try Self.lastRun(job: checkpoint.job, channel: checkpoint.channelId, in: db)
                let deleted = try Int.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM messages WHERE channel_id = ? AND deleted_at IS NOT NULL AND kind != 'empty'
                    """, arguments: [checkpoint.channelId]) ?? 0
                rows.append(StatusRow(
                    job: checkpoint.job,
                    channelId: checkpoint.channelId,
                    channelTitle: channel?.title ?? String(checkpoint.channelId),
                    channelUsername: channel?.username,
                    archived: try Self.messageCount(channel: checkpoint.channelId, in: db),
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
                    nextDue: nil))
            }
            return StatusReport(rows: rows)
        }
    }
}
