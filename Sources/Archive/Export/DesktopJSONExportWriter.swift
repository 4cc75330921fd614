import Foundation
import TL

/// Writes one channel in Telegram Desktop's `result.json` shape: `{"name", "type", "id", "messages": [...]}`,
/// one message at a time. Dates are local time (`timeZone`), as Desktop writes them.
public struct DesktopJSONExportWriter<Sink: ExportSink>: ExportWriter {
    /// Where the JSON goes.
    public private(set) var sink: Sink
    private let codec = TLJSONCodec()
    private let dates: ExportDateFormat
    private var builder: DesktopMessage?
    private var wroteMessage = false
    private let chatTitles: [Int64: String]
    private let users: [Int64: UserRecord]
    /// Where downloaded files are placed (`--with-media`); nil to write Desktop's "not included" note.
    public var media: DesktopMediaFolder?

    /// A writer into `sink`, with dates in `timeZone`; `chatTitles` (channel id to title, the archive's
    /// channels) name the other chats messages point at, such as a forward's source; `users` (the archive's
    /// `users` table) name senders and bots.
    public init(sink: Sink, timeZone: TimeZone = .current, chatTitles: [Int64: String] = [:],
                users: [Int64: UserRecord] = [:]) {
        self.sink = sink
        self.dates = .local(timeZone)
        self.chatTitles = chatTitles
        self.users = users
    }

    /// Writes the chat's header; Desktop's format holds one chat, so the filter must name a channel.
    public mutating func begin(channel: ChannelRecord?) throws(ArchiveError) {
        guard let channel else {
            throw .exportFailed(reason: "desktop-json exports one channel at a time; choose a channel that is archived")
        }
        builder = DesktopMessage(channel: channel, dates: dates, chatTitles: chatTitles, users: users)
        let header: [(String, TLJSONValue)] = [
            ("name", .string(channel.title)),
            ("type", .string(channel.username == nil ? "private_channel" : "public_channel")),
            ("id", .integer(channel.id)),
        ]
        var text = "{\n"
        for (key, value) in header {
            text += " " + TLJSONValue.string(key).compactText + ": " + value.compactText + ",\n"
        }
        try sink.write(text + " \"messages\": [")
    }

    /// Writes the message's object.
    public mutating func write(_ message: ExportedMessage) throws(ArchiveError) {
        guard let builder else { throw .exportFailed(reason: "desktop-json: message written before the header") }
        let object = try builder.object(for: message, codec: codec, media: media)
        try sink.write((wroteMessage ? ",\n  " : "\n  ") + object.compactText)
        wroteMessage = true
    }

    /// Closes the message list and the object.
    public mutating func finish() throws(ArchiveError) {
        try sink.write(wroteMessage ? "\n ]\n}\n" : "]\n}\n")
        try sink.flush()
    }
}
