import Foundation
import GRDB

extension MessageRecord {
    /// The `messages` columns `init(reading:)` reads, in its order.
    static let columnNames = [
        "channel_id", "id", "kind", "date", "edit_date", "sender_id", "text", "views", "forwards", "replies", "reply_to",
        "grouped_id", "post_author", "media_kind", "media_size", "media_mime", "media_digest", "action_kind", "raw",
        "layer", "archived_at", "updated_at", "deleted_at", "thread_id", "comment_of", "topic_id",
    ]

    /// `columnNames` as a select list of `table`'s columns (`m.channel_id, m.id, …`).
    static func selection(of table: String) -> String {
        columnNames.map { "\(table).\($0)" }.joined(separator: ", ")
    }

    /// Reads a row selected as `selection(of:)`, by position, from `columns` (the export's path).
    init(reading columns: inout RowReader) throws {
        func required<Value>(_ value: Value?, _ name: String) throws -> Value {
            guard let value else { throw DatabaseError(resultCode: .SQLITE_CONSTRAINT_NOTNULL, message: "messages.\(name) is NULL") }
            return value
        }
        channelId = try required(columns.int64(), "channel_id")
        id = try required(try columns.int32(), "id")
        let kindText = try required(columns.string(), "kind")
        guard let kind = MessageKind(rawValue: kindText) else {
            throw ArchiveError.undecodableMessage(channel: channelId, id: id, reason: "unknown kind '\(kindText)'")
        }
        self.kind = kind
        date = columns.int64()
        editDate = columns.int64()
        senderId = columns.int64()
        text = columns.string()
        views = columns.int64()
        forwards = columns.int64()
        replies = columns.int64()
        replyTo = try columns.int32()
        groupedId = columns.int64()
        postAuthor = columns.string()
        mediaKind = columns.string()
        mediaSize = columns.int64()
        mediaMime = columns.string()
        mediaDigest = columns.int64()
        actionKind = columns.string()
        raw = try required(columns.data(), "raw")
        layer = try required(try columns.int32(), "layer")
        archivedAt = try required(try columns.date(), "archived_at")
        updatedAt = try required(try columns.date(), "updated_at")
        deletedAt = try columns.date()
        threadId = try columns.int32()
        commentOf = try columns.int32()
        topicId = try columns.int32()
    }

    /// Reads a `messages` row by column name. Decodable would convert every property name to snake case
    /// for every row: measured on a 50,000-message export, that conversion alone was 23% of the CPU and the
    /// whole Codable path 42%.
    public init(row: Row) throws {
        var index = 0
        func next<Value: DatabaseValueConvertible>() throws -> Value {
            defer { index += 1 }
            return try row.decode(forColumn: Self.columnNames[index])
        }
        channelId = try next()
        id = try next()
        let kindText: String = try next()
        guard let kind = MessageKind(rawValue: kindText) else {
            throw ArchiveError.undecodableMessage(channel: channelId, id: id, reason: "unknown kind '\(kindText)'")
        }
        self.kind = kind
        date = try next()
        editDate = try next()
        senderId = try next()
        text = try next()
        views = try next()
        forwards = try next()
        replies = try next()
        replyTo = try next()
        groupedId = try next()
        postAuthor = try next()
        mediaKind = try next()
        mediaSize = try next()
        mediaMime = try next()
        mediaDigest = try next()
        actionKind = try next()
        raw = try next()
        layer = try next()
        archivedAt = try next()
        updatedAt = try next()
        deletedAt = try next()
        threadId = try next()
        commentOf = try next()
        topicId = try next()
    }
}
