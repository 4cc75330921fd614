import Foundation
import TL

/// Writes one JSON object per line: archive metadata and the message decoded from its raw TL bytes, so every
/// field the server sent is present under its TL name.
///
/// Keys: `channel`, `id`, `archived_at`, `updated_at`, `deleted_at` (null if not deleted), `versions` (earlier
/// contents kept), `layer`, `message` (the TL object, `_` = constructor name).
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
        let decoded: TLJSONValue
        do {
            decoded = try codec.decode([UInt8](record.raw))
        } catch {
            throw .undecodableMessage(channel: record.channelId, id: record.id, reason: error.description)
        }
        let line = TLJSONValue.object([
            ("channel", .integer(record.channelId)),
            ("id", .integer(Int64(record.id))),
            ("archived_at", .string(dates.string(record.archivedAt))),
            ("updated_at", .string(dates.string(record.updatedAt))),
            ("deleted_at", record.deletedAt.map { .string(dates.string($0)) } ?? .null),
            ("versions", .integer(Int64(message.versionCount))),
            ("layer", .integer(Int64(record.layer))),
            ("message", decoded),
        ])
        try sink.write(line.compactText + "\n")
    }

    /// Flushes the sink.
    public mutating func finish() throws(ArchiveError) {
        try sink.flush()
    }
}
