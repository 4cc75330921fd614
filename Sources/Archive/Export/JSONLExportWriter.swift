import Foundation
import TL

/// Writes one JSON object per line: archive metadata and the message decoded from its raw TL bytes, so every
/// field the server sent is present under its TL name.
///
/// Keys: `channel`, `id`, in a forum `topic_id` (1 for General), `archived_at`, `updated_at`, `deleted_at` (null if
/// not deleted), `versions` (earlier contents kept), `layer`, `message` (the TL object, `_` = constructor name),
/// for a downloaded file `media_file` (`path` inside the media root, `sha256`, `size`, `mime_type`), and for a
/// comment of a discussion group `comment_of` (the channel post it is under).
///
/// Each line is written straight as UTF-8 bytes: the message's raw TL is transcoded to JSON by the generated
/// `transcodeJSON` (the text `TLJSONCodec` would give, without building the decoded value). A message with a
/// string that is not UTF-8 goes through the codec, which keeps such a string's exact bytes
/// (`{"_invalid_utf8": hex}`).
public struct JSONLExportWriter<Sink: ExportSink>: ExportWriter {
    /// Where the lines go.
    public private(set) var sink: Sink
    private let codec = TLJSONCodec()
    private let dates = ExportDateFormat.utc()
    private var line = TLJSONWriter(capacity: 4096)

    /// A writer into `sink`.
    public init(sink: Sink) {
        self.sink = sink
    }

    /// Nothing precedes the lines.
    public mutating func begin(channel: ChannelRecord?) throws(ArchiveError) {}

    /// Writes the message's line.
    public mutating func write(_ message: ExportedMessage) throws(ArchiveError) {
        let record = message.record
        line.removeAll()
        line.key(#"{"channel":"#)
        line.write(record.channelId)
        line.key(#","id":"#)
        line.write(record.id)
        if let topic = record.topicId {
            line.key(#","topic_id":"#)
            line.write(topic)
        }
        line.key(#","archived_at":"#)
        line.write(dates.string(record.archivedAt))
        line.key(#","updated_at":"#)
        line.write(dates.string(record.updatedAt))
        line.key(#","deleted_at":"#)
        if let deleted = record.deletedAt { line.write(dates.string(deleted)) } else { line.writeNull() }
        line.key(#","versions":"#)
        line.write(Int64(message.versionCount))
        line.key(#","layer":"#)
        line.write(Int64(record.layer))
        line.key(#","message":"#)
        try writeMessage(of: record)
        // A comment exported with its channel (`--comments`): the post it is under; `channel` is the group's id.
        if record.threadId != nil, let post = record.commentOf {
            line.key(#","comment_of":"#)
            line.write(post)
        }
        if let file = message.media, file.status == .done, let path = file.path, let sha = file.sha256 {
            line.key(#","media_file":{"path":"#)
            line.write(path)
            line.key(#","sha256":"#)
            line.write(sha)
            line.key(#","size":"#)
            line.write(file.size)
            line.key(#","mime_type":"#)
            if let mime = file.mimeType { line.write(mime) } else { line.writeNull() }
            line.key("}")
        }
        line.key("}\n")
        try sink.write(utf8: line.bytes)
    }

    /// Flushes the sink.
    public mutating func finish() throws(ArchiveError) {
        try sink.flush()
    }

    /// The message's TL JSON: transcoded straight from its raw bytes, or where a string is not UTF-8 (or the
    /// bytes do not decode), from the codec.
    private mutating func writeMessage(of record: MessageRecord) throws(ArchiveError) {
        let start = line.count
        var reader = TLReader([UInt8](record.raw))
        if (try? Api.Message.transcodeJSON(from: &reader, into: &line)) != nil, reader.remaining == 0 { return }
        line.truncate(to: start)
        line.append(json: try record.tlJSON(codec).compactText)
    }
}
