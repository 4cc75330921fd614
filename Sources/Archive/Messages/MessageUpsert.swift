import Foundation
import GRDB

/// Upserts one message row inside a page's transaction, with statements cached on the connection.
///
/// A message seen again with the same content only refreshes counters (views, forwards, replies, reactions,
/// edit date); different text, entities, media or action first copies the stored content to
/// `message_versions`. `messageEmpty` never overwrites a stored message: it marks it deleted. New messages,
/// content changes and deletions are appended to the change log in the same transaction.
enum MessageUpsert {
    enum Outcome {
        case new, updated, unchanged, versioned
    }

    static func apply(_ incoming: MessageRecord, now: Date, in db: Database) throws -> Outcome {
        let select = try db.cachedStatement(sql: "SELECT * FROM messages WHERE channel_id = ? AND id = ?")
        guard let stored = try MessageRecord.fetchOne(select, arguments: [incoming.channelId, incoming.id]) else {
            var tombstone = incoming
            if incoming.kind == .empty { tombstone.deletedAt = now }
            try insert(tombstone, in: db)
            if incoming.kind != .empty {
                try ChangeLog.append(.new, channel: incoming.channelId, message: incoming.id, at: now, in: db)
            }
            return .new
        }
        if incoming.kind == .empty {
            guard stored.deletedAt == nil, stored.kind != .empty else { return .unchanged }
            let mark = try db.cachedStatement(sql: "UPDATE messages SET deleted_at = ?, updated_at = ? WHERE channel_id = ? AND id = ?")
            try mark.execute(arguments: [now, now, stored.channelId, stored.id])
            try ChangeLog.append(.deleted, channel: stored.channelId, message: stored.id, at: now, in: db)
            return .updated
        }
        if stored.raw == incoming.raw, stored.deletedAt == nil { return .unchanged }
        let versioned = stored.kind != .empty && incoming.contentDiffers(from: stored)
        if versioned { try saveVersion(of: stored, replacedAt: now, in: db) }
        var replacement = incoming
        replacement.archivedAt = stored.archivedAt
        replacement.updatedAt = now
        try update(replacement, in: db)
        if let change = publishedChange(from: stored, to: incoming, versioned: versioned) {
            try ChangeLog.append(change, channel: stored.channelId, message: stored.id, at: now, in: db)
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
        "channel_id", "id", "kind", "date", "edit_date", "text", "entities", "views", "forwards", "replies",
        "reply_to", "fwd_from", "grouped_id", "post_author", "media_kind", "media", "media_digest", "action_kind",
        "action", "reactions", "raw", "layer", "archived_at", "updated_at", "deleted_at",
    ]
    private static let insertSQL =
        "INSERT INTO messages (\(columns.joined(separator: ", "))) VALUES (\(columns.map { ":" + $0 }.joined(separator: ", ")))"
    private static let updateSQL =
        "UPDATE messages SET \(columns.dropFirst(2).map { "\($0) = :\($0)" }.joined(separator: ", ")) WHERE channel_id = :channel_id AND id = :id"

    private static func insert(_ record: MessageRecord, in db: Database) throws {
        try db.cachedStatement(sql: insertSQL).execute(arguments: StatementArguments(record.columnValues))
    }

    private static func update(_ record: MessageRecord, in db: Database) throws {
        try db.cachedStatement(sql: updateSQL).execute(arguments: StatementArguments(record.columnValues))
    }

    private static func saveVersion(of stored: MessageRecord, replacedAt: Date, in db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO message_versions (channel_id, message_id, replaced_at, edit_date, text, entities, media_kind, media, raw, layer)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [
            stored.channelId, stored.id, replacedAt, stored.editDate, stored.text, stored.entities,
            stored.mediaKind, stored.media, stored.raw, stored.layer,
        ])
    }
}
