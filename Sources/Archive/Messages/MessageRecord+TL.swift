import Foundation
import TL

extension MessageRecord {
    /// The row for `message` of channel `channelId`, first seen at `now`, with its serialization as raw bytes
    /// (a message built locally; one received keeps its own bytes, below).
    public init(channelId: Int64, message: Api.Message, now: Date) throws(ArchiveError) {
        try self.init(channelId: channelId, received: TLReceived(serializing: message), now: now)
    }

    /// The row for `received` of channel `channelId`, first seen at `now`: `raw` is the bytes exactly as
    /// received (a string that was not UTF-8 keeps its bytes there), the scalar columns come from the decoded
    /// value. Only the media is written as JSON, in passing, for its kind and fingerprint; nothing nested is stored.
    /// In a `forum`, a message names its topic (`topic_id`; General, 1, when it names none).
    public init(channelId: Int64, received: TLReceived<Api.Message>, now: Date, forum: Bool = false) throws(ArchiveError) {
        let message = received.value
        self.init(channelId: channelId, id: 0, kind: .empty, raw: Data(received.bytes), layer: TLLayer.current,
                  archivedAt: now, updatedAt: now)
        switch message {
        case .messageEmpty(let empty):
            id = empty.id
        case .message(let regular):
            id = regular.id
            try Self.requireChannel(regular.peerId, channelId: channelId, id: id)
            kind = .message
            date = Int64(regular.date)
            editDate = regular.editDate.map(Int64.init)
            senderId = regular.fromId.map(Self.botAPIID)
            text = regular.message
            views = regular.views.map(Int64.init)
            forwards = regular.forwards.map(Int64.init)
            replies = regular.replies.map { Int64($0.replies) }
            replyTo = Self.replyToMessageId(regular.replyTo)
            groupedId = regular.groupedId
            postAuthor = regular.postAuthor
            if let value = regular.media, value != .messageMediaEmpty {
                var json = TLJSONWriter()
                value.writeJSON(into: &json)
                mediaKind = TLJSONConstructorName.of(json.bytes)
                mediaDigest = MediaDigest.of(json: json.bytes)
                (mediaSize, mediaMime) = Self.sizeAndMime(of: value)
            }
        case .messageService(let service):
            id = service.id
            try Self.requireChannel(service.peerId, channelId: channelId, id: id)
            kind = .service
            date = Int64(service.date)
            senderId = service.fromId.map(Self.botAPIID)
            replyTo = Self.replyToMessageId(service.replyTo)
            var json = TLJSONWriter()
            service.action.writeJSON(into: &json)
            actionKind = TLJSONConstructorName.of(json.bytes)
        }
        topicId = Self.topicID(of: message, forum: forum)
    }

    /// The topic a message of a forum is in (https://core.telegram.org/api/forum): the one its reply header
    /// names with `forum_topic` (`reply_to_top_id` when it replies inside the topic, else `reply_to_msg_id`,
    /// the topic itself); its own id for the service message that created a topic; General (1) otherwise.
    /// Nil outside forums and for empty messages.
    static func topicID(of message: Api.Message, forum: Bool) -> Int32? {
        let header: Api.MessageReplyHeader?
        switch message {
        case .messageEmpty: return nil
        case .message(let regular): header = regular.replyTo
        case .messageService(let service):
            if case .messageActionTopicCreate = service.action { return service.id }
            header = service.replyTo
        }
        if case .messageReplyHeader(let reply)? = header, reply.forumTopic {
            return reply.replyToTopId ?? reply.replyToMsgId
        }
        return forum ? 1 : nil
    }

    /// A peer's id as the Bot API writes it: users positive, chats negated, channels below -10¹².
    static func botAPIID(_ peer: Api.Peer) -> Int64 {
        switch peer {
        case .peerUser(let user): user.userId
        case .peerChat(let chat): -chat.chatId
        case .peerChannel(let channel): -1_000_000_000_000 - channel.channelId
        }
    }

    /// A document's size and MIME type; a photo's largest size in bytes, as JPEG.
    private static func sizeAndMime(of media: Api.MessageMedia) -> (Int64?, String?) {
        switch media {
        case .messageMediaDocument(let value):
            guard case .document(let document)? = value.document else { return (nil, nil) }
            return (document.size, document.mimeType)
        case .messageMediaPhoto(let value):
            guard case .photo(let photo)? = value.photo else { return (nil, nil) }
            var largest: Int64?
            for size in photo.sizes {
                let bytes: Int64? = switch size {
                case .photoSize(let plain): Int64(plain.size)
                case .photoSizeProgressive(let progressive): progressive.sizes.max().map(Int64.init)
                default: nil
                }
                if let bytes, bytes > (largest ?? -1) { largest = bytes }
            }
            return (largest, "image/jpeg")
        default:
            return (nil, nil)
        }
    }

    private init(channelId: Int64, id: Int32, kind: MessageKind, raw: Data, layer: Int32, archivedAt: Date,
                 updatedAt: Date) {
        self.channelId = channelId
        self.id = id
        self.kind = kind
        self.raw = raw
        self.layer = layer
        self.archivedAt = archivedAt
        self.updatedAt = updatedAt
    }

    /// Refuses a message of another chat: a page holds one channel's messages.
    private static func requireChannel(_ peer: Api.Peer, channelId: Int64, id: Int32) throws(ArchiveError) {
        guard case .peerChannel(let channel) = peer, channel.channelId == channelId else {
            throw .messageOutsideChannel(channel: channelId, id: id)
        }
    }

    private static func replyToMessageId(_ header: Api.MessageReplyHeader?) -> Int32? {
        if case .messageReplyHeader(let reply)? = header { return reply.replyToMsgId }
        return nil
    }

    /// The message as the layer's type, decoded from `raw`.
    public func decodedMessage() throws(ArchiveError) -> Api.Message {
        do {
            return try Api.Message(bytes: [UInt8](raw))
        } catch {
            throw .undecodableMessage(channel: channelId, id: id, reason: "\(error)")
        }
    }

    /// The message as TL JSON (`_` = constructor name, every field the server sent), decoded from `raw` by `codec`.
    func tlJSON(_ codec: TLJSONCodec) throws(ArchiveError) -> TLJSONValue {
        do {
            return try codec.decode([UInt8](raw))
        } catch {
            throw .undecodableMessage(channel: channelId, id: id, reason: error.description)
        }
    }

    /// Whether `other` has different content: text, entities, media or action (counters and edit date aside).
    /// Entities and action are rendered from `raw` for the comparison, only when the cheap columns agree.
    public func contentDiffers(from other: MessageRecord) -> Bool {
        if kind != other.kind || text != other.text || mediaDigest != other.mediaDigest || actionKind != other.actionKind {
            return true
        }
        return entities != other.entities || action != other.action
    }
}
