/// Collects an export in memory (small exports and tests).
public struct StringExportSink: ExportSink {
    /// Everything written so far.
    public private(set) var text = ""

    /// An empty sink.
    public init() {}

    /// Appends `text`.
    public mutating func write(_ text: String) throws(ArchiveError) {
        self.text += text
    }

    /// Nothing to push out.
    public mutating func flush() throws(ArchiveError) {}
}
