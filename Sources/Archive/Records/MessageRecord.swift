import Foundation

/// A row of `messages`: one archived message with its scalar fields and its raw TL bytes.
///
/// The scalar columns are what queries filter and sort on; `raw` (with `layer`) is the message exactly as
/// the server sent it, so a field this build does not extract is never lost. The nested parts (entities,
/// media, forward header, reactions, action) are not stored twice: they are rendered from `raw` when asked
/// for (`MessageRecord+Nested.swift`).
public struct MessageRecord: ArchiveRecord, Equatable {
    /// The table's name.
    public static let databaseTableName = "messages"

    /// The channel the message belongs to.
    public var channelId: Int64
    /// The message id, unique within the channel.
    public var id: Int32
    /// Regular, service or empty.
    public var kind: MessageKind
    /// Unix time the message was sent (nil for empty messages).
    public var date: Int64?
    /// Unix time of the last edit the server reports.
    public var editDate: Int64?
    /// Who sent it, Bot API style (a user's id, `-id` for a chat, `-1000000000000 - id` for a channel); nil for
    /// posts signed by the channel itself.
    public var senderId: Int64?
    /// The message text (nil for service and empty messages).
    public var text: String?
    /// View counter.
    public var views: Int64?
    /// Forward counter.
    public var forwards: Int64?
    /// Number of comments in the discussion group.
    public var replies: Int64?
    /// The id of the message this one replies to.
    public var replyTo: Int32?
    /// The album id shared by grouped media messages.
    public var groupedId: Int64?
    /// The post's signature.
    public var postAuthor: String?
    /// The media constructor name, e.g. `messageMediaPhoto`.
    public var mediaKind: String?
    /// The media's size in bytes: a document's, or a photo's largest size.
    public var mediaSize: Int64?
    /// The media's MIME type (documents; `image/jpeg` for photos).
    public var mediaMime: String?
    /// A fingerprint of the media's content, without fields that change on their own (file references,
    /// poll results); equal fingerprints mean the media was not edited.
    public var mediaDigest: Int64?
    /// The service action's constructor name, e.g. `messageActionPinMessage`.
    public var actionKind: String?
    /// The boxed TL bytes of the message as received.
    public var raw: Data
    /// The TL layer `raw` was encoded with.
    public var layer: Int32
    /// When the message was first archived.
    public var archivedAt: Date
    /// When the row last changed.
    public var updatedAt: Date
    /// When the archive noticed the message was deleted (rows are never physically deleted).
    public var deletedAt: Date?
    /// In a discussion group, the group message the thread starts at (the post's copy).
    public var threadId: Int32?
    /// In a discussion group, the channel post the message is a copy of or a comment under.
    public var commentOf: Int32?
    /// The forum topic the message belongs to (1 for General); nil outside forums.
    public var topicId: Int32?
}
