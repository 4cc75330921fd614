import Foundation
import GRDB

extension MessageRecord {
    /// The `messages` columns a record is read from, in this order.
    static let columnNames = [
        "channel_id", "id", "kind", "date", "edit_date", "sender_id", "text", "views", "forwards", "replies", "reply_to",
        "grouped_id", "post_author", "media_kind", "media_size", "media_mime", "media_digest", "action_kind", "raw",
        "layer", "archived_at", "updated_at", "deleted_at", "thread_id", "comment_of", "topic_id",
    ]

    /// `columnNames` as a select list of `table`'s columns (`m.channel_id, m.id, …`).
    static func selection(of table: String) -> String {
        columnNames.map { "\(table).\($0)" }.joined(separator: ", ")
    }

    /// Reads a `messages` row by column name. Decodable would convert every property name to snake case
    /// for every row: measured on a 50,000-message export, that conversion alone was 23% of the CPU and the
    /// whole Codable path 42%.
    public init(row: Row) throws {
        var columns = NamedColumns(row, names: Self.columnNames)
        try self.init(columns: &columns)
    }

    /// Reads `columnNames` in order from `columns`: by position from a row selected as `selection(of:)`
    /// (`RowReader`, the export's path), or by name (`init(row:)`).
    init(columns: inout some ColumnSource) throws {
        func required<Value>(_ value: Value?, _ name: String) throws -> Value {
            guard let value else { throw DatabaseError(resultCode: .SQLITE_CONSTRAINT_NOTNULL, message: "messages.\(name) is NULL") }
            return value
        }
        channelId = try required(try columns.int64(), "channel_id")
        id = try required(try columns.int32(), "id")
        let kindText = try required(try columns.string(), "kind")
        guard let kind = MessageKind(rawValue: kindText) else {
            throw ArchiveError.undecodableMessage(channel: channelId, id: id, reason: "unknown kind '\(kindText)'")
        }
        self.kind = kind
        date = try columns.int64()
        editDate = try columns.int64()
        senderId = try columns.int64()
        text = try columns.string()
        views = try columns.int64()
        forwards = try columns.int64()
        replies = try columns.int64()
        replyTo = try columns.int32()
        groupedId = try columns.int64()
        postAuthor = try columns.string()
        mediaKind = try columns.string()
        mediaSize = try columns.int64()
        mediaMime = try columns.string()
        mediaDigest = try columns.int64()
        actionKind = try columns.string()
        raw = try required(try columns.data(), "raw")
        layer = try required(try columns.int32(), "layer")
        archivedAt = try required(try columns.date(), "archived_at")
        updatedAt = try required(try columns.date(), "updated_at")
        deletedAt = try columns.date()
        threadId = try columns.int32()
        commentOf = try columns.int32()
        topicId = try columns.int32()
    }
}
