/// Where an export's text goes, chunk by chunk.
public protocol ExportSink {
    /// Appends `text`.
    mutating func write(_ text: String) throws(ArchiveError)
    /// Appends text already encoded as UTF-8 (the JSONL writer's lines).
    mutating func write(utf8 bytes: [UInt8]) throws(ArchiveError)
    /// Pushes out anything buffered.
    mutating func flush() throws(ArchiveError)
}

extension ExportSink {
    /// Appends the text of `bytes`; sinks that keep bytes take them without a `String`.
    public mutating func write(utf8 bytes: [UInt8]) throws(ArchiveError) {
        try write(String(decoding: bytes, as: UTF8.self))
    }
}
