/// Where an export's text goes, chunk by chunk.
public protocol ExportSink {
    /// Appends `text`.
    mutating func write(_ text: String) throws(ArchiveError)
    /// Pushes out anything buffered.
    mutating func flush() throws(ArchiveError)
}
