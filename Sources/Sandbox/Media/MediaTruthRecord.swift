import Foundation
import TL

/// One line of `tgcron sandbox truth --media`: the file a client downloads for a message by default
/// (a photo's largest size, or the document), its size and SHA-256.
public struct MediaTruthRecord: Codable, Sendable, Equatable {
    /// The message id.
    public var id: Int
    /// `photo` or `document`.
    public var kind: MessageKind
    /// The DC holding the file.
    public var dc: Int
    /// The photo size type downloaded (`thumb_size`), nil for a document.
    public var thumbSize: String?
    /// The size in bytes.
    public var size: Int
    /// The SHA-256 of the bytes, lower-case hex.
    public var sha256: String
    /// The document's mime type.
    public var mimeType: String?
    /// The document's file name attribute.
    public var fileName: String?
    /// The album the message belongs to.
    public var groupedID: Int64?

    private enum CodingKeys: String, CodingKey {
        case id, kind, dc, thumbSize = "thumb_size", size, sha256, mimeType = "mime_type", fileName = "file_name"
        case groupedID = "grouped_id"
    }
}

extension World {
    /// The media records of `channel`'s messages existing at `date`, ascending by id; each file is
    /// generated and hashed 1 MiB at a time while iterating.
    public func mediaTruth(channel: SyntheticChannel, at date: Date) -> some Sequence<MediaTruthRecord> {
        let seed = spec.seed
        return truth(channel: channel, at: date).lazy.compactMap { message -> MediaTruthRecord? in
            guard case .message(let value) = message, let plan = channel.mediaPlan(Int(value.id)),
                  let (thumbSize, file) = plan.mainFile(seed: seed) else { return nil }
            var record = MediaTruthRecord(
                id: Int(value.id), kind: .photo, dc: file.dc, thumbSize: thumbSize.isEmpty ? nil : thumbSize, size: file.size,
                sha256: FileContent.sha256(key: file.key, size: file.size).map { String(format: "%02x", $0) }.joined(),
                groupedID: value.groupedId)
            if case .document(let mimeType, _, let attributes, _) = plan.content {
                record.kind = .document
                record.mimeType = mimeType
                record.fileName = attributes.lazy.compactMap { attribute -> String? in
                    if case .documentAttributeFilename(let name) = attribute { return name.fileName }
                    return nil
                }.first
            }
            return record
        }
    }
}

extension TruthWriter {
    /// The JSONL bytes of `records`, one line each with sorted keys, streaming through `emit`.
    public static func writeMedia(_ records: some Sequence<MediaTruthRecord>, to emit: (Data) throws -> Void) throws {
        try writeRecords(records, to: emit)
    }

    /// The JSONL bytes of any records, one line each with sorted keys, streaming through `emit`.
    static func writeRecords<Record: Encodable>(_ records: some Sequence<Record>, to emit: (Data) throws -> Void) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for record in records {
            var line = try encoder.encode(record)
            line.append(0x0A)
            try emit(line)
        }
    }
}

extension SyntheticChannel {
    /// The content key of message `messageID`'s default file (largest photo size, or the document), for
    /// tests that compare byte ranges with `FileContent`.
    public func fileContentKey(messageID: Int) -> UInt64? {
        mediaPlan(messageID)?.mainFile(seed: timeline.seed)?.file.key
    }
}
