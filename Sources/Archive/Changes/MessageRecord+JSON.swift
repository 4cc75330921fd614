import TL

extension MessageRecord {
    /// The message decoded from its raw TL bytes as compact JSON (`_` = constructor name), as exports and
    /// sinks hand it on; every field the server sent is present under its TL name.
    /// (The generated writer prints what the schema-driven codec would, without parsing the schema first.)
    public func tlJSON() throws(ArchiveError) -> String {
        try decodedMessage().jsonText
    }
}
