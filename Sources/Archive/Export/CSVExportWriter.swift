import Foundation

/// Writes an RFC 4180 table (CRLF line ends, quoted where needed) with one row per message.
///
/// Columns: `channel,id,date,edit_date,text,views,forwards,replies,reply_to,media_kind,deleted`; dates are
/// ISO 8601 UTC, absent values are empty, `deleted` is `true` or `false`.
public struct CSVExportWriter<Sink: ExportSink>: ExportWriter {
    /// The header row's column names.
    public static var columns: [String] {
        ["channel", "id", "date", "edit_date", "text", "views", "forwards", "replies", "reply_to", "media_kind", "deleted"]
    }

    /// Where the rows go.
    public private(set) var sink: Sink
    private let dates = ExportDateFormat.utc()

    /// A writer into `sink`.
    public init(sink: Sink) {
        self.sink = sink
    }

    /// Writes the header row.
    public mutating func begin(channel: ChannelRecord?) throws(ArchiveError) {
        try sink.write(Self.columns.joined(separator: ",") + "\r\n")
    }

    /// Writes the message's row.
    public mutating func write(_ message: ExportedMessage) throws(ArchiveError) {
        let record = message.record
        let fields: [String] = [
            String(record.channelId),
            String(record.id),
            record.date.map { dates.string(unixTime: $0) } ?? "",
            record.editDate.map { dates.string(unixTime: $0) } ?? "",
            record.text ?? "",
            record.views.map(String.init) ?? "",
            record.forwards.map(String.init) ?? "",
            record.replies.map(String.init) ?? "",
            record.replyTo.map(String.init) ?? "",
            record.mediaKind ?? "",
            record.deletedAt == nil ? "false" : "true",
        ]
        try sink.write(fields.map(CSVField.quoted).joined(separator: ",") + "\r\n")
    }

    /// Flushes the sink.
    public mutating func finish() throws(ArchiveError) {
        try sink.flush()
    }
}

/// RFC 4180 field quoting.
private enum CSVField {
    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
