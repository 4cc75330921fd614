import Foundation

/// How a CSV export is shaped for spreadsheets.
public struct CSVOptions: Equatable, Sendable {
    /// Start the file with a UTF-8 byte order mark, so spreadsheet programs read the text as UTF-8.
    public var byteOrderMark: Bool
    /// Prefix cells that start with `=`, `+`, `-`, `@`, a tab or a carriage return with `'`, so a spreadsheet
    /// shows them as text instead of running them as formulas (OWASP's CSV injection advice). The exported
    /// text then differs from the message by that quote.
    public var guardFormulas: Bool

    /// Options; the defaults write the text exactly as archived.
    public init(byteOrderMark: Bool = false, guardFormulas: Bool = false) {
        self.byteOrderMark = byteOrderMark
        self.guardFormulas = guardFormulas
    }
}

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
    private let options: CSVOptions

    /// A writer into `sink`.
    public init(sink: Sink, options: CSVOptions = CSVOptions()) {
        self.sink = sink
        self.options = options
    }

    /// Writes the byte order mark if asked, and the header row.
    public mutating func begin(channel: ChannelRecord?) throws(ArchiveError) {
        try sink.write((options.byteOrderMark ? "\u{FEFF}" : "") + Self.columns.joined(separator: ",") + "\r\n")
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
        let cells = options.guardFormulas ? fields.map(CSVField.guarded) : fields
        try sink.write(cells.map(CSVField.quoted).joined(separator: ",") + "\r\n")
    }

    /// Flushes the sink.
    public mutating func finish() throws(ArchiveError) {
        try sink.flush()
    }
}

/// RFC 4180 field quoting, and the formula guard.
enum CSVField {
    static func guarded(_ field: String) -> String {
        guard let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return field }
        return "'" + field
    }

    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
