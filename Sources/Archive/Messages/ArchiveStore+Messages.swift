import Foundation
import GRDB

extension ArchiveStore {
    /// Marks the archived messages `ids` of `channel` as deleted at `noticedAt`; returns how many were newly
    /// marked. Rows stay: an archive never forgets a message. Ids never archived, or already marked, are skipped.
    /// Each newly marked message is appended to the change log as deleted.
    @discardableResult
    public func markDeleted(channel: Int64, ids: [Int32], noticedAt: Date) throws(ArchiveError) -> Int {
        let stamp = DatabaseDateText(noticedAt)
        return try write { db in
            let statement = try db.cachedStatement(sql: """
                UPDATE messages SET deleted_at = ?, updated_at = ?
                WHERE channel_id = ? AND id = ? AND deleted_at IS NULL AND kind != 'empty'
                """)
            var changes = ChangeLog(channel: channel)
            var marked = 0
            for id in ids {
                try statement.execute(arguments: [stamp.text, stamp.text, channel, id])
                guard db.changesCount > 0 else { continue }
                changes.append(.deleted, message: id)
                marked += 1
            }
            try changes.write(at: stamp, in: db)
            return marked
        }
    }

    /// The ids of `channel` stored within `range`, ascending, including tombstones of ids the server reported
    /// empty: what a gap check needs to know it has seen. Keep ranges to page size.
    public func archivedIDs(channel: Int64, in range: ClosedRange<Int32>) throws(ArchiveError) -> [Int32] {
        try read { db in
            try Int32.fetchAll(db, sql: "SELECT id FROM messages WHERE channel_id = ? AND id BETWEEN ? AND ? ORDER BY id",
                               arguments: [channel, range.lowerBound, range.upperBound])
        }
    }

    /// The stored row of message `id` in `channel`.
    public func message(channel: Int64, id: Int32) throws(ArchiveError) -> MessageRecord? {
        try read { db in try MessageRecord.fetchOne(db, key: ["channel_id": channel, "id": id]) }
    }

    /// The previous contents of message `id` in `channel`, oldest first.
    func versions(channel: Int64, id: Int32) throws(ArchiveError) -> [MessageVersionRecord] {
        try read { db in
            try MessageVersionRecord
                .filter(Column("channel_id") == channel && Column("message_id") == id)
                .order(Column("id"))
                .fetchAll(db)
        }
    }

    /// How many messages of `channel` are archived (deleted ones included, tombstones of empty ids excluded).
    public func messageCount(channel: Int64) throws(ArchiveError) -> Int {
        try read { db in try Self.messageCount(channel: channel, in: db) }
    }

    /// The send dates of the oldest and newest archived messages of `channel`, or nil if it has none.
    public func dateRange(channel: Int64) throws(ArchiveError) -> ClosedRange<Date>? {
        try read { db in try Self.dateRange(channel: channel, in: db) }
    }

    /// The channels the archive holds, by id.
    public func channels() throws(ArchiveError) -> [ChannelRecord] {
        try read { db in try ChannelRecord.order(Column("id")).fetchAll(db) }
    }

    /// The channel with id `id`, if the archive has seen it (archived, or named in archived messages).
    public func channel(id: Int64) throws(ArchiveError) -> ChannelRecord? {
        try read { db in try ChannelRecord.fetchOne(db, key: id) }
    }

    static func messageCount(channel: Int64, in db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM messages WHERE channel_id = ? AND kind != 'empty'",
                         arguments: [channel]) ?? 0
    }

    static func dateRange(channel: Int64, in db: Database) throws -> ClosedRange<Date>? {
        let row = try Row.fetchOne(db, sql: "SELECT MIN(date) AS oldest, MAX(date) AS newest FROM messages WHERE channel_id = ? AND kind != 'empty'",
                                   arguments: [channel])
        guard let row, let oldest = row["oldest"] as Int64?, let newest = row["newest"] as Int64? else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(oldest))...Date(timeIntervalSince1970: TimeInterval(newest))
    }
}
