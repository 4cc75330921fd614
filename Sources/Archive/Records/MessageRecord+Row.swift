import Foundation
import GRDB

extension MessageRecord {
    /// Reads a `messages` row by column name. Decodable would convert every property name to snake case
    /// for every row: measured on a 50,000-message export, that conversion alone was 23% of the CPU and the
    /// whole Codable path 42%.
    public init(row: Row) throws {
        channelId = try row.decode(forColumn: "channel_id")
        id = try row.decode(forColumn: "id")
        let kindText = try row.decode(String.self, forColumn: "kind")
        guard let kind = MessageKind(rawValue: kindText) else {
            throw ArchiveError.undecodableMessage(channel: channelId, id: id, reason: "unknown kind '\(kindText)'")
        }
        self.kind = kind
        date = try row.decode(forColumn: "date")
        editDate = try row.decode(forColumn: "edit_date")
        senderId = try row.decode(forColumn: "sender_id")
        text = try row.decode(forColumn: "text")
        views = try row.decode(forColumn: "views")
        forwards = try row.decode(forColumn: "forwards")
        replies = try row.decode(forColumn: "replies")
        replyTo = try row.decode(forColumn: "reply_to")
        groupedId = try row.decode(forColumn: "grouped_id")
        postAuthor = try row.decode(forColumn: "post_author")
        mediaKind = try row.decode(forColumn: "media_kind")
        mediaSize = try row.decode(forColumn: "media_size")
        mediaMime = try row.decode(forColumn: "media_mime")
        mediaDigest = try row.decode(forColumn: "media_digest")
        actionKind = try row.decode(forColumn: "action_kind")
        raw = try row.decode(forColumn: "raw")
        layer = try row.decode(forColumn: "layer")
        archivedAt = try row.decode(forColumn: "archived_at")
        updatedAt = try row.decode(forColumn: "updated_at")
        deletedAt = try row.decode(forColumn: "deleted_at")
        threadId = try row.decode(forColumn: "thread_id")
        commentOf = try row.decode(forColumn: "comment_of")
        topicId = try row.decode(forColumn: "topic_id")
    }
}
