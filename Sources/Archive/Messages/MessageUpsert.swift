import Foundation
import GRDB

/// Upserts one message row inside a page's transaction, with statements cached on the connection.
///
/// A message seen again with the same content only refreshes counters (views, forwards, replies, reactions,
/// edit date); different text, entities, media or action first copies the stored content to
/// `message_versions`. `messageEmpty` never overwrites a stored message: it marks it deleted. New messages,
/// content changes and deletions are appended to the change log in the same transaction.
enum MessageUpsert {
    typealias Outcome = UpsertOutcome

    /// Stores `incoming` and says what that did; `now` is the page's instant, formatted once. A new row and a
    /// changed text go to `search` (nil while triggers keep the index: a lean conversion is pending), what
    /// sinks publish to `changes`.
    static func apply(_ incoming: MessageRecord, now: DatabaseDateText, search: inout SearchIndexBatch?,
                      changes: inout ChangeLog, in db: Database) throws -> Outcome {
        // Most rows of a page are new: one INSERT that does nothing on a conflict answers that.
        var fresh = incoming
        if incoming.kind == .empty { fresh.deletedAt = now.date }
        if try insertIfAbsent(fresh, now: now, in: db) {
            search?.add(rowid: db.lastInsertedRowID, text: fresh.text)
            if incoming.kind != .empty {
                changes.append(.new, message: incoming.id)
            }
            return .new
        }
        let select = try db.cachedStatement(sql: "SELECT * FROM messages WHERE channel_id = ? AND id = ?")
        guard let stored = try MessageRecord.fetchOne(select, arguments: [incoming.channelId, incoming.id]) else {
            // Inside one transaction a key that conflicted is readable, unless the file is damaged.
            throw DatabaseError(resultCode: .SQLITE_CORRUPT,
                                message: "message \(incoming.id) of channel \(incoming.channelId) conflicts but cannot be read")
        }
        if incoming.kind == .empty {
            guard stored.deletedAt == nil, stored.kind != .empty else { return .unchanged }
            let mark = try db.cachedStatement(sql: "UPDATE messages SET deleted_at = ?, updated_at = ? WHERE channel_id = ? AND id = ?")
            try mark.execute(arguments: [now.text, now.text, stored.channelId, stored.id])
            changes.append(.deleted, message: stored.id)
            return .updated
        }
        if stored.raw == incoming.raw, stored.deletedAt == nil { return .unchanged }
        let versioned = stored.kind != .empty && incoming.contentDiffers(from: stored)
        if versioned { try saveVersion(of: stored, replacedAt: now, in: db) }
        var replacement = incoming
        replacement.archivedAt = stored.archivedAt
        replacement.updatedAt = now.date
        try update(replacement, now: now, in: db)
        if search != nil, stored.text != replacement.text {
            let rowid = try Int64.fetchOne(db.cachedStatement(sql: "SELECT rowid FROM messages WHERE channel_id = ? AND id = ?"),
                                           arguments: [stored.channelId, stored.id])
            if let rowid { search?.replace(rowid: rowid, old: stored.text, new: replacement.text) }
        }
        if let change = publishedChange(from: stored, to: incoming, versioned: versioned) {
            changes.append(change, message: stored.id)
        }
        return versioned ? .versioned : .updated
    }

    /// What the change log says about a stored row replaced by `incoming`: a tombstone filled in is new, a
    /// content change is an edit; counters, edit dates and an unmarked deletion alone are not published.
    private static func publishedChange(from stored: MessageRecord, to incoming: MessageRecord,
                                        versioned: Bool) -> ChangeKind? {
        if stored.kind == .empty, incoming.kind != .empty { return .new }
        return versioned ? .edited : nil
    }

    private static let columns = [
        "channel_id", "id", "kind", "date", "edit_date", "sender_id", "text", "views", "forwards", "replies",
        "reply_to", "grouped_id", "post_author", "media_kind", "media_size", "media_mime", "media_digest",
        "action_kind", "raw", "layer", "archived_at", "updated_at", "deleted_at", "topic_id",
    ]
    /// Parameters are numbered by column (`?1` is `channel_id`), so both statements bind a row the same way.
    private static let insertSQL = """
        INSERT INTO messages (\(columns.joined(separator: ", ")))
        VALUES (\(columns.indices.map { "?\($0 + 1)" }.joined(separator: ", "))) ON CONFLICT (channel_id, id) DO NOTHING
        """
    private static let updateSQL = """
        UPDATE messages SET \(columns.indices.dropFirst(2).map { "\(columns[$0]) = ?\($0 + 1)" }.joined(separator: ", "))
        WHERE channel_id = ?1 AND id = ?2
        """

    /// Inserts `record` unless its (channel, id) is stored; true if it did.
    private static func insertIfAbsent(_ record: MessageRecord, now: DatabaseDateText, in db: Database) throws -> Bool {
        try bind(record, to: db.cachedStatement(sql: insertSQL), now: now, in: db).run() == 1
    }

    private static func update(_ record: MessageRecord, now: DatabaseDateText, in db: Database) throws {
        _ = try bind(record, to: db.cachedStatement(sql: updateSQL), now: now, in: db).run()
    }

    /// `record`'s columns bound in the order of `columns`.
    private static func bind(_ record: MessageRecord, to statement: Statement, now: DatabaseDateText,
                             in db: Database) -> RowBinder {
        var row = RowBinder(statement, in: db)
        row.bind(record.channelId)
        row.bind(record.id)
        row.bind(record.kind.rawValue)
        row.bind(record.date)
        row.bind(record.editDate)
        row.bind(record.senderId)
        row.bind(record.text)
        row.bind(record.views)
        row.bind(record.forwards)
        row.bind(record.replies)
        row.bind(record.replyTo)
        row.bind(record.groupedId)
        row.bind(record.postAuthor)
        row.bind(record.mediaKind)
        row.bind(record.mediaSize)
        row.bind(record.mediaMime)
        row.bind(record.mediaDigest)
        row.bind(record.actionKind)
        row.bind(record.raw)
        row.bind(record.layer)
        row.bind(record.archivedAt, stamp: now)
        row.bind(record.updatedAt, stamp: now)
        row.bind(record.deletedAt, stamp: now)
        row.bind(record.topicId)
        return row
    }

    private static func saveVersion(of stored: MessageRecord, replacedAt: DatabaseDateText, in db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO message_versions (channel_id, message_id, replaced_at, edit_date, text, media_kind, raw, layer)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [
            stored.channelId, stored.id, replacedAt.text, stored.editDate, stored.text, stored.mediaKind, stored.raw,
            stored.layer,
        ])
    }
}
