import Foundation
import TL

/// One ground-truth line: the facts an archive must reproduce for a message.
public struct TruthRecord: Codable, Sendable, Equatable {
    /// The message id.
    public var id: Int
    /// The posting date (unix seconds).
    public var date: Int
    /// The last edit date, if edited.
    public var editDate: Int?
    /// The text (empty for captionless media); absent for service messages, which have none.
    public var text: String?
    /// The kind of message.
    public var kind: MessageKind
    /// The forum topic the message is in (1 for General); absent outside forums.
    public var topicID: Int?

    private enum CodingKeys: String, CodingKey {
        case id, date, editDate = "edit_date", text, kind, topicID = "topic_id"
    }

    /// Extracts the record of a message; nil for `messageEmpty`.
    public init?(_ message: Api.Message) {
        switch message {
        case .message(let value):
            id = Int(value.id)
            date = Int(value.date)
            editDate = value.editDate.map(Int.init)
            text = value.message
            switch value.media {
            case .messageMediaPhoto?: kind = .photo
            case .messageMediaDocument?: kind = .document
            default: kind = .text
            }
        case .messageService(let value):
            id = Int(value.id)
            date = Int(value.date)
            editDate = nil
            text = nil
            kind = .service
        case .messageEmpty:
            return nil
        }
    }
}

/// Writes ground truth as JSON Lines (one `TruthRecord` per line, keys sorted), for `tgcron sandbox truth`.
public enum TruthWriter {
    /// The JSONL bytes of `messages`, one line each, streaming through `emit` so nothing accumulates; with
    /// `topic` (a forum's), each line names its message's topic.
    public static func write(
        _ messages: some Sequence<Api.Message>, topic: ((Int) -> Int?)? = nil, to emit: (Data) throws -> Void
    ) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for message in messages {
            guard var record = TruthRecord(message) else { continue }
            record.topicID = topic?(record.id)
            var line = try encoder.encode(record)
            line.append(0x0A)
            try emit(line)
        }
    }
}
