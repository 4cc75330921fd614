import TL

extension TLJSONCodec {
    /// The JSON of a boxed TL value the layer itself serialized, for the message with `id` in `channel`.
    func json(of value: some TLSerializable, channel: Int64, id: Int32) throws(ArchiveError) -> TLJSONValue {
        do {
            return try decode(value.serialized())
        } catch {
            throw .undecodableMessage(channel: channel, id: id, reason: error.description)
        }
    }
}

extension TLJSONValue {
    /// The constructor name (`_`) of an object.
    var constructorName: String? {
        if case .string(let name)? = self["_"] { return name }
        return nil
    }

    /// Compact JSON text.
    var compactText: String { text(pretty: false) }
}
