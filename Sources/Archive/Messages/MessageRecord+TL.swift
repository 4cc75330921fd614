import Foundation
import TL

extension MessageRecord {
    /// The row for `message` of channel `channelId`, first seen at `now`, with its serialization as raw bytes
    /// (a message built locally; one received keeps its own bytes, below).
    ///
    /// The JSON columns are written straight from the typed values (`TLJSONWritable`): the same text the
    /// schema-driven `TLJSONCodec` prints for those values' TL bytes, without re-serializing or a tree.
    public init(channelId: Int64, message: Api.Message, now: Date) throws(ArchiveError) {
        try self.init(channelId: channelId, received: TLReceived(serializing: message), now: now)
    }

    /// The row for `received` of channel `channelId`, first seen at `now`: `raw` is the bytes exactly as
    /// received (a string that was not UTF-8 keeps its bytes there), the columns come from the decoded value.
    public init(channelId: Int64, received: TLReceived<Api.Message>, now: Date) throws(ArchiveError) {
        let message = received.value
        self.init(channelId: channelId, id: 0, kind: .empty, raw: Data(received.bytes), layer: TLLayer.current,
                  archivedAt: now, updatedAt: now)
        var json = TLJSONWriter()
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
            entities = regular.entities.map { list in
                Self.text(of: &json) { json in
                    json.beginArray()
                    for (index, entity) in list.enumerated() {
                        if index > 0 { json.comma() }
                        entity.writeJSON(into: &json)
                    }
                    json.endArray()
                }
            }
            views = regular.views.map(Int64.init)
            forwards = regular.forwards.map(Int64.init)
            replies = regular.replies.map { Int64($0.replies) }
            replyTo = Self.replyToMessageId(regular.replyTo)
            fwdFrom = regular.fwdFrom.map { header in Self.text(of: &json, header.writeJSON) }
            groupedId = regular.groupedId
            postAuthor = regular.postAuthor
            if let value = regular.media, value != .messageMediaEmpty {
                media = Self.text(of: &json, value.writeJSON)
                mediaKind = TLJSONConstructorName.of(json.bytes)
                mediaDigest = MediaDigest.of(json: json.bytes)
            }
            reactions = regular.reactions.map { value in Self.text(of: &json, value.writeJSON) }
        case .messageService(let service):
            id = service.id
            try Self.requireChannel(service.peerId, channelId: channelId, id: id)
            kind = .service
            date = Int64(service.date)
            replyTo = Self.replyToMessageId(service.replyTo)
            action = Self.text(of: &json, service.action.writeJSON)
            actionKind = TLJSONConstructorName.of(json.bytes)
            reactions = service.reactions.map { value in Self.text(of: &json, value.writeJSON) }
        }
    }

    /// The JSON `write` puts into `json` (emptied first; its bytes stay there for the caller to inspect).
    private static func text(of json: inout TLJSONWriter, _ write: (inout TLJSONWriter) -> Void) -> String {
        json.removeAll()
        write(&json)
        return json.text
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
