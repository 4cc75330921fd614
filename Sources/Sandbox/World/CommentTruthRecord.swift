import Foundation
import TL

/// One ground-truth line of a discussion group: a post's copy or a comment, as the server holds it.
public struct CommentTruthRecord: Codable, Sendable, Equatable {
    /// What a group message is.
    public enum Kind: String, Codable, Sendable {
        /// The automatic copy of a channel post, which opens its thread.
        case copy
        /// A comment under a post.
        case comment
    }

    /// The message id in the group.
    public var id: Int
    /// The channel post whose thread the message opens or belongs to.
    public var post: Int
    /// Copy or comment.
    public var kind: Kind
    /// The posting date (unix seconds).
    public var date: Int
    /// The last edit date, if edited.
    public var editDate: Int?
    /// The sender's id: a user's, or the channel's for copies and comments posted as the channel.
    public var fromID: Int64
    /// `user` or `channel`.
    public var fromType: String
    /// The text (empty for captionless media).
    public var text: String
    /// The group message a comment replies to (the copy, or an earlier comment of the thread).
    public var replyToMsgID: Int?
    /// The copy opening a comment's thread.
    public var replyToTopID: Int?

    private enum CodingKeys: String, CodingKey {
        case id, post, kind, date, editDate = "edit_date", fromID = "from_id", fromType = "from_type", text
        case replyToMsgID = "reply_to_msg_id", replyToTopID = "reply_to_top_id"
    }
}

extension SyntheticChannel {
    /// The discussion group's messages at `date`, ascending by id, as truth records (none without a group).
    public func commentTruth(at date: Date) -> [CommentTruthRecord] {
        groupTruth(at: Int64(date.timeIntervalSince1970)).compactMap { message in
            guard case .message(let value) = message, let post = threadPost(ofGroupMessage: Int(value.id)) else { return nil }
            let header: Api.MessageReplyHeader.MessageReplyHeader?
            if case .messageReplyHeader(let found)? = value.replyTo { header = found } else { header = nil }
            let sender: (Int64, String)
            switch value.fromId {
            case .peerUser(let user)?: sender = (user.userId, "user")
            case .peerChannel(let channel)?: sender = (channel.channelId, "channel")
            default: sender = (0, "none")
            }
            return CommentTruthRecord(
                id: Int(value.id), post: post, kind: value.fwdFrom == nil ? .comment : .copy, date: Int(value.date),
                editDate: value.editDate.map(Int.init), fromID: sender.0, fromType: sender.1, text: value.message,
                replyToMsgID: header?.replyToMsgId.map(Int.init), replyToTopID: header?.replyToTopId.map(Int.init))
        }
    }
}

extension TruthWriter {
    /// The JSONL bytes of discussion-group records, one line each with sorted keys, streaming through `emit`.
    public static func writeComments(_ records: some Sequence<CommentTruthRecord>, to emit: (Data) throws -> Void) throws {
        try writeRecords(records, to: emit)
    }
}
