import TL

/// The nested parts of a message, rendered from `raw` as compact TL JSON when asked for rather than stored
/// beside it (the same text the JSON columns held before the lean layout of issue #17). Nil when the
/// message has no such part or `raw` does not decode.
extension MessageRecord {
    /// The text's entities, as a JSON array of TL objects.
    public var entities: String? {
        guard case .message(let regular)? = try? decodedMessage(), let list = regular.entities else { return nil }
        var json = TLJSONWriter()
        json.beginArray()
        for (index, entity) in list.enumerated() {
            if index > 0 { json.comma() }
            entity.writeJSON(into: &json)
        }
        json.endArray()
        return json.text
    }

    /// The forward header, as a TL JSON object.
    public var fwdFrom: String? {
        guard case .message(let regular)? = try? decodedMessage() else { return nil }
        return regular.fwdFrom.map(Self.jsonText)
    }

    /// The media, as a TL JSON object.
    public var media: String? {
        guard case .message(let regular)? = try? decodedMessage(), let value = regular.media,
              value != .messageMediaEmpty else { return nil }
        return Self.jsonText(value)
    }

    /// The service action, as a TL JSON object.
    public var action: String? {
        guard case .messageService(let service)? = try? decodedMessage() else { return nil }
        return Self.jsonText(service.action)
    }

    /// The reactions, as a TL JSON object.
    public var reactions: String? {
        switch try? decodedMessage() {
        case .message(let regular)?: regular.reactions.map(Self.jsonText)
        case .messageService(let service)?: service.reactions.map(Self.jsonText)
        default: nil
        }
    }

    private static func jsonText(_ value: some TLJSONWritable) -> String {
        var json = TLJSONWriter()
        value.writeJSON(into: &json)
        return json.text
    }
}
