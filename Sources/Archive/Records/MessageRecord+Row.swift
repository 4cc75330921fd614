import Foundation
import GRDB

extension MessageRecord {
    /// The `messages` columns a record is read from, in the order `init(selected:)` expects them.
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
        try self.init(row, positional: false)
    }

    /// Reads a row whose first columns are `columnNames` in order (`SELECT \(selection(of:))`), by position:
    /// a lookup by name lowercases and hashes the name, a quarter of a 200,000-message export's CPU.
    init(selected row: Row) throws {
        try self.init(row, positional: true)
    }

    private init(_ row: Row, positional: Bool) throws {
        var index = 0
        func next<Value: DatabaseValueConvertible>() throws -> Value {
            defer { index += 1 }
            return positional ? try row.decode(atIndex: index) : try row.decode(forColumn: Self.columnNames[index])
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
