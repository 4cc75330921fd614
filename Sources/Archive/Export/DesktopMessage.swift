import Foundation
import TL

/// Builds one message of Telegram Desktop's `result.json` from an archived message's TL JSON.
///
/// Keys follow Telegram Desktop's export (`export_output_json.cpp`): `id`, `type`, `date`, `date_unixtime`,
/// `edited`, `edited_unixtime`, `from`/`from_id` (`actor`/`actor_id` for service messages), `author`,
/// `forwarded_from`, `via_bot_id`, `reply_to_message_id`, `reply_to_peer_id`, media (`photo` with `width` and
/// `height`, `file`, `media_type`, `mime_type`, `poll`, …), `reactions`, `text`, `text_entities`. Files are
/// never downloaded, so paths carry Desktop's "not included" note.
struct DesktopMessage {
    static let fileNotIncluded = "(File not included. Change data exporting settings to download.)"

    let channel: ChannelRecord
    let dates: ExportDateFormat
    /// Titles of the channels the archive knows, by id, for names of other chats.
    var chatTitles: [Int64: String] = [:]
    /// The users and chats the archive has seen, by Bot API style id, for senders' names and bots' usernames.
    var users: [Int64: UserRecord] = [:]

    /// The object of an exported message: its raw TL decoded by `codec`, built, and with `media` its file placed
    /// (or the placeholder saying why it is missing).
    func object(for exported: ExportedMessage, codec: TLJSONCodec, media: DesktopMediaFolder?) throws(ArchiveError) -> TLJSONValue {
        let record = exported.record
        let object = object(for: record, message: try record.tlJSON(codec))
        guard let media else { return object }
        return try media.fill(object, entry: exported.media, date: record.date, dates: dates)
    }

    func object(for record: MessageRecord, message: TLJSONValue) -> TLJSONValue {
        var fields: [(String, TLJSONValue)] = [
            ("id", .integer(Int64(record.id))),
            ("type", .string(record.kind == .service ? "service" : "message")),
        ]
        if let date = record.date {
            fields.append(("date", .string(dates.string(unixTime: date))))
            fields.append(("date_unixtime", .string(String(date))))
        }
        if let edited = record.editDate {
            fields.append(("edited", .string(dates.string(unixTime: edited))))
            fields.append(("edited_unixtime", .string(String(edited))))
        }
        let sender = senderFields(message["from_id"])
        if record.kind == .service {
            fields.append(("actor", sender.name))
            fields.append(("actor_id", sender.id))
            fields += actionFields(message["action"], replyTo: record.replyTo)
            fields.append(("text", .string("")))
            fields.append(("text_entities", .array([])))
            return .object(fields)
        }
        fields.append(("from", sender.name))
        fields.append(("from_id", sender.id))
        if let author = record.postAuthor { fields.append(("author", .string(author))) }
        if let forward = message["fwd_from"] { fields.append(("forwarded_from", forwardedFrom(forward))) }
        if let reply = record.replyTo { fields.append(("reply_to_message_id", .integer(Int64(reply)))) }
        // Not Desktop's: the channel post a comment is under (Desktop exports a discussion group on its own).
        if record.threadId != nil, let post = record.commentOf { fields.append(("comment_of", .integer(Int64(post)))) }
        fields += relationFields(message)
        if let media = message["media"] { fields += mediaFields(media) }
        fields += reactionFields(message["reactions"])
        var entities: [TLJSONValue] = []
        if case .array(let list)? = message["entities"] { entities = list }
        let parts = DesktopTextParts.parts(of: record.text ?? "", entities: entities)
        fields.append(("text", DesktopTextParts.text(from: parts)))
        fields.append(("text_entities", .array(parts)))
        return .object(fields)
    }

    /// The sender's name and Desktop id (`user123`, `channel123`, `chat123`, as Desktop's `push` of a `PeerId`
    /// writes them; the name is the peer's, or null when unknown: `wrapPeerName`, tdesktop
    /// `export_output_json.cpp`): the channel itself for posts without `from_id`.
    private func senderFields(_ peer: TLJSONValue?) -> (name: TLJSONValue, id: TLJSONValue) {
        guard let peer else { return (.string(channel.title), .string("channel\(channel.id)")) }
        let kinds: [(String, String, (Int64) -> Api.Peer)] = [
            ("channel_id", "channel", { .peerChannel(.init(channelId: $0)) }), ("user_id", "user", { .peerUser(.init(userId: $0)) }),
            ("chat_id", "chat", { .peerChat(.init(chatId: $0)) }),
        ]
        for (key, prefix, peerOf) in kinds {
            if case .integer(let id)? = peer[key] {
                var name = users[MessageRecord.botAPIID(peerOf(id))]?.displayName
                if prefix == "channel" { name = chatTitles[id] ?? (id == channel.id ? channel.title : name) }
                return (name.map(TLJSONValue.string) ?? .null, .string("\(prefix)\(id)"))
            }
        }
        return (.null, .null)
    }

    private func actionFields(_ action: TLJSONValue?, replyTo: Int32?) -> [(String, TLJSONValue)] {
        switch action?.constructorName {
        case "messageActionChannelCreate":
            return [("action", .string("create_channel")), ("title", action?["title"] ?? .string(""))]
        case "messageActionChatEditTitle":
            return [("action", .string("edit_group_title")), ("title", action?["title"] ?? .string(""))]
        case "messageActionChatEditPhoto":
            return [("action", .string("edit_group_photo")), ("photo", .string(Self.fileNotIncluded))]
        case "messageActionChatDeletePhoto":
            return [("action", .string("delete_group_photo"))]
        case "messageActionPinMessage":
            return [("action", .string("pin_message"))] + (replyTo.map { [("message_id", .integer(Int64($0)))] } ?? [])
        case "messageActionHistoryClear":
            return [("action", .string("clear_history"))]
        case "messageActionChannelMigrateFrom":
            return [("action", .string("migrate_from_group")), ("title", action?["title"] ?? .string(""))]
        // Telegram Desktop names a forum topic's creation `topic_created` with its title (export_output_json.cpp,
        // ActionTopicCreate) and writes no topic id on messages.
        case "messageActionTopicCreate":
            return [("action", .string("topic_created")), ("title", action?["title"] ?? .string(""))]
        default:
            return []
        }
    }

    private func mediaFields(_ media: TLJSONValue) -> [(String, TLJSONValue)] {
        switch media.constructorName {
        case "messageMediaPhoto":
            return [("photo", .string(Self.fileNotIncluded))] + Self.photoSize(media["photo"])
        case "messageMediaPoll":
            return Self.poll(media)
        case "messageMediaDocument":
            return documentFields(media["document"])
        case "messageMediaGeo", "messageMediaGeoLive":
            return [("location_information", location(media["geo"]))]
        case "messageMediaVenue":
            return [("place_name", media["title"] ?? .string("")), ("address", media["address"] ?? .string("")),
                    ("location_information", location(media["geo"]))]
        default:
            return []
        }
    }

    private func location(_ geo: TLJSONValue?) -> TLJSONValue {
        guard let latitude = geo?["lat"], let longitude = geo?["long"] else { return .null }
        return .object([("latitude", latitude), ("longitude", longitude)])
    }

    private func documentFields(_ document: TLJSONValue?) -> [(String, TLJSONValue)] {
        guard let document, document.constructorName == "document" else { return [("file", .string(Self.fileNotIncluded))] }
        var fields: [(String, TLJSONValue)] = [("file", .string(Self.fileNotIncluded))]
        var attributes: [TLJSONValue] = []
        if case .array(let list)? = document["attributes"] { attributes = list }
        let named = { (name: String) in attributes.first { $0.constructorName == name } }
        var isSticker = false
        if let sticker = named("documentAttributeSticker") {
            isSticker = true
            fields += [("media_type", .string("sticker")), ("sticker_emoji", sticker["alt"] ?? .string(""))]
        } else if let video = named("documentAttributeVideo"), video["round_message"] == .bool(true) {
            fields.append(("media_type", .string("video_message")))
        } else if let audio = named("documentAttributeAudio"), audio["voice"] == .bool(true) {
            fields.append(("media_type", .string("voice_message")))
        } else if named("documentAttributeAnimated") != nil {
            fields.append(("media_type", .string("animation")))
        } else if named("documentAttributeVideo") != nil {
            fields.append(("media_type", .string("video_file")))
        } else if let audio = named("documentAttributeAudio") {
            fields.append(("media_type", .string("audio_file")))
            if let performer = audio["performer"] { fields.append(("performer", performer)) }
            if let title = audio["title"] { fields.append(("title", title)) }
        }
        if !isSticker, let mime = document["mime_type"] { fields.append(("mime_type", mime)) }
        switch (named("documentAttributeVideo") ?? named("documentAttributeAudio"))?["duration"] {
        case .double(let seconds)?: fields.append(("duration_seconds", .integer(Int64(seconds))))
        case .integer(let seconds)?: fields.append(("duration_seconds", .integer(seconds)))
        default: break
        }
        if let sized = named("documentAttributeVideo") ?? named("documentAttributeImageSize"),
           let width = sized["w"], let height = sized["h"] {
            fields += [("width", width), ("height", height)]
        }
        return fields
    }
}
