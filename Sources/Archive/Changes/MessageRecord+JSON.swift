import TL

extension MessageRecord {
    /// The message decoded from its raw TL bytes as compact JSON (`_` = constructor name), as exports and
    /// sinks hand it on; every field the server sent is present under its TL name.
    public func tlJSON() throws(ArchiveError) -> String {
        do {
            return try TLJSONCodec().decode([UInt8](raw)).compactText
        } catch {
            throw .undecodableMessage(channel: channelId, id: id, reason: error.description)
        }
    }
}
