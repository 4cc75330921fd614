import Foundation
import TL

/// Writes one JSON object per line: archive metadata and the message decoded from its raw TL bytes, so every
/// field the server sent is present under its TL name.
///
/// Keys: `channel`, `id`, in a forum `topic_id` (1 for General), `archived_at`, `updated_at`, `deleted_at` (null if
/// not deleted), `versions` (earlier contents kept), `layer`, `message` (the TL object, `_` = constructor name),
/// for a downloaded file `media_file` (`path` inside the media root, `sha256`, `size`, `mime_type`), and for a
/// comment of a discussion group `comment_of` (the channel post it is under).
public struct JSONLExportWriter<Sink: ExportSink>: ExportWriter {
    /// Where the lines go.
    public private(set) var sink: Sink
    private let codec = TLJSONCodec()
    private let dates = ExportDateFormat.utc()

    /// A writer into `sink`.
    public init(sink: Sink) {
        self.sink = sink
    }

    /// Nothing precedes the lines.
    public mutating func begin(channel: ChannelRecord?) throws(ArchiveError) {}

    /// Writes the message's line.
    public mutating func write(_ message: ExportedMessage) throws(ArchiveError) {
        let record = message.record
        let decoded = try record.tlJSON(codec)
        var fields: [(String, TLJSONValue)] = [
            ("channel", .integer(record.channelId)),
            ("id", .integer(Int64(record.id))),
            ("archived_at", .string(dates.string(record.archivedAt))),
            ("updated_at", .string(dates.string(record.updatedAt))),
            ("deleted_at", record.deletedAt.map { .string(dates.string($0)) } ?? .null),
            ("versions", .integer(Int64(message.versionCount))),
            ("layer", .integer(Int64(record.layer))),
            ("message", decoded),
        ]
        if let topic = record.topicId { fields.insert(("topic_id", .integer(Int64(topic))), at: 2) }
        // A comment exported with its channel (`--comments`): the post it is under; `channel` is the group's id.
        if record.threadId != nil, let post = record.commentOf { fields.append(("comment_of", .integer(Int64(post)))) }
        if let file = message.media, file.status == .done, let path = file.path, let sha = file.sha256 {
            fields.append(("media_file", .object([
                ("path", .string(path)), ("sha256", .string(sha)), ("size", .integer(file.size)),
                ("mime_type", file.mimeType.map(TLJSONValue.string) ?? .null),
            ])))
        }
        let line = TLJSONValue.object(fields)
        try sink.write(line.compactText + "\n")
    }

    /// Flushes the sink.
    public mutating func finish() throws(ArchiveError) {
        try sink.flush()
    }
}
