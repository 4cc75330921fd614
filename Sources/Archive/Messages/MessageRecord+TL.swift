import Foundation
import TL

extension MessageRecord {
    /// The row for `message` of channel `channelId`, first seen at `now`, with its raw bytes at the current layer.
    public init(channelId: Int64, message: Api.Message, now: Date) throws(ArchiveError) {
        let codec = TLJSONCodec()
        self.init(channelId: channelId, id: 0, kind: .empty, raw: Data(message.serialized()),
                  layer: TLLayer.current, archivedAt: now, updatedAt: now)
        switch message {
        case .messageEmpty(let empty):
            id = empty.id
        case .message(let regular):
            id = regular.id
            try Self.requireChannel(regular.peerId, channelId: channelId, id: id)
            kind = .message
            date = Int64(regular.date)
            editDate = regular.editDate.map(Int64.init)
            text = regular.message
            if let list = regular.entities {
                var items: [TLJSONValue] = []
                for entity in list { items.append(try codec.json(of: entity, channel: channelId, id: id)) }
                entities = TLJSONValue.array(items).compactText
            }
            views = regular.views.map(Int64.init)
            forwards = regular.forwards.map(Int64.init)
            replies = regular.replies.map { Int64($0.replies) }
            replyTo = Self.replyToMessageId(regular.replyTo)
            fwdFrom = try regular.fwdFrom.map { (header) throws(ArchiveError) in
                try codec.json(of: header, channel: channelId, id: regular.id).compactText
            }
            groupedId = regular.groupedId
            postAuthor = regular.postAuthor
            if let value = regular.media {
                let json = try codec.json(of: value, channel: channelId, id: id)
                if json.constructorName != "messageMediaEmpty" {
                    mediaKind = json.constructorName
                    media = json.compactText
                    mediaDigest = MediaDigest.of(json)
                }
            }
            reactions = try regular.reactions.map { (value) throws(ArchiveError) in
                try codec.json(of: value, channel: channelId, id: regular.id).compactText
            }
        case .messageService(let service):
            id = service.id
            try Self.requireChannel(service.peerId, channelId: channelId, id: id)
            kind = .service
            date = Int64(service.date)
            replyTo = Self.replyToMessageId(service.replyTo)
            let json = try codec.json(of: service.action, channel: channelId, id: id)
            actionKind = json.constructorName
            action = json.compactText
            reactions = try service.reactions.map { (value) throws(ArchiveError) in
                try codec.json(of: value, channel: channelId, id: service.id).compactText
            }
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

    /// Whether `other` has different content: text, entities, media or action (counters and edit date aside).
    func contentDiffers(from other: MessageRecord) -> Bool {
        kind != other.kind || text != other.text || entities != other.entities
            || mediaDigest != other.mediaDigest || action != other.action
    }
}
