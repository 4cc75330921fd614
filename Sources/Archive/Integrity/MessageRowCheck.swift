import Foundation
import GRDB
import TL

/// Tells a `messages` row read from a damaged archive whose values contradict each other: its `raw` does not
/// decode to a message, or to one with another id. Such a row cannot be trusted for its key.
struct MessageRowCheck {
    private let idColumn: Int?
    private let rawColumn: Int?

    /// A check for rows selected as `rowid` followed by `columns`.
    init(columns: [String]) {
        idColumn = columns.firstIndex(of: "id").map { $0 + 1 }
        rawColumn = columns.firstIndex(of: "raw").map { $0 + 1 }
    }

    /// Whether `row` is damaged inside; a row without both columns is not judged.
    func isDamaged(_ row: Row) -> Bool {
        guard let idColumn, let rawColumn else { return false }
        guard let id = row[idColumn] as Int64?, let raw = row[rawColumn] as Data? else { return true }
        guard let message = try? Api.Message(bytes: [UInt8](raw)) else { return true }
        let decoded: Int32 = switch message {
        case .messageEmpty(let empty): empty.id
        case .message(let regular): regular.id
        case .messageService(let service): service.id
        }
        return Int64(decoded) != id
    }
}
