import TL

/// Splits a message text into Telegram Desktop's text parts: plain runs and entity runs (`type`, `text`, and
/// `href`, `user_id`, `language` or `document_id` where the entity has one).
///
/// Entity offsets count UTF-16 units, as in the API. Like Telegram Desktop, an entity nested in an earlier one
/// is not split out again.
enum DesktopTextParts {
    /// The parts of `text` with `entities` (TL JSON objects).
    static func parts(of text: String, entities: [TLJSONValue]) -> [TLJSONValue] {
        let units = Array(text.utf16)
        var parts: [TLJSONValue] = []
        var cursor = 0
        let ordered = entities.compactMap(span).sorted { $0.offset < $1.offset }
        for (offset, length, entity) in ordered where offset >= cursor && length > 0 && offset + length <= units.count {
            if offset > cursor { parts.append(part("plain", units[cursor..<offset])) }
            var fields = Self.fields(of: entity)
            fields.insert(("text", .string(String(decoding: units[offset..<offset + length], as: UTF16.self))), at: 1)
            parts.append(.object(fields))
            cursor = offset + length
        }
        if cursor < units.count { parts.append(part("plain", units[cursor...])) }
        return parts
    }

    /// Telegram Desktop's `text` value: the plain string when there is at most one plain part, else the parts
    /// with plain runs as bare strings.
    static func text(from parts: [TLJSONValue]) -> TLJSONValue {
        if parts.isEmpty { return .string("") }
        if parts.count == 1, parts[0]["type"] == .string("plain"), let text = parts[0]["text"] { return text }
        return .array(parts.map { part in part["type"] == .string("plain") ? part["text"] ?? .string("") : part })
    }

    private static func span(_ entity: TLJSONValue) -> (offset: Int, length: Int, entity: TLJSONValue)? {
        guard case .integer(let offset)? = entity["offset"], case .integer(let length)? = entity["length"] else { return nil }
        return (Int(offset), Int(length), entity)
    }

    private static func part(_ type: String, _ units: ArraySlice<UInt16>) -> TLJSONValue {
        .object([("type", .string(type)), ("text", .string(String(decoding: units, as: UTF16.self)))])
    }

    /// `type` and the extra field, per Telegram Desktop's names.
    private static func fields(of entity: TLJSONValue) -> [(String, TLJSONValue)] {
        let name = entity.constructorName ?? ""
        let type = typeNames[name] ?? "unknown"
        var fields: [(String, TLJSONValue)] = [("type", .string(type))]
        switch type {
        case "text_link": if let url = entity["url"] { fields.append(("href", url)) }
        case "mention_name": if let user = entity["user_id"] { fields.append(("user_id", user)) }
        case "pre": fields.append(("language", entity["language"] ?? .string("")))
        case "custom_emoji":
            if case .integer(let document)? = entity["document_id"] { fields.append(("document_id", .string(String(document)))) }
        default: break
        }
        return fields
    }

    private static let typeNames: [String: String] = [
        "messageEntityMention": "mention", "messageEntityHashtag": "hashtag", "messageEntityBotCommand": "bot_command",
        "messageEntityUrl": "link", "messageEntityEmail": "email", "messageEntityBold": "bold",
        "messageEntityItalic": "italic", "messageEntityCode": "code", "messageEntityPre": "pre",
        "messageEntityTextUrl": "text_link", "messageEntityMentionName": "mention_name",
        "inputMessageEntityMentionName": "mention_name", "messageEntityPhone": "phone",
        "messageEntityCashtag": "cashtag", "messageEntityUnderline": "underline", "messageEntityStrike": "strikethrough",
        "messageEntityBlockquote": "blockquote", "messageEntityBankCard": "bank_card", "messageEntitySpoiler": "spoiler",
        "messageEntityCustomEmoji": "custom_emoji",
    ]
}
