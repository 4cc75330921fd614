import Foundation

/// A row of `audit_log`: one API call, for answering "what did tgcron ask Telegram, and when".
public struct AuditRecord: ArchiveRecord, Equatable {
    /// The table's name.
    public static let databaseTableName = "audit_log"

    /// Row id.
    public var id: Int64?
    /// When the call was made.
    public var time: Date
    /// The TL method, e.g. `messages.getHistory`.
    public var method: String
    /// The peer addressed, e.g. `@durov` or `channel:123`.
    public var peer: String?
    /// Items returned (messages, ids…).
    public var count: Int?
    /// How long the call took.
    public var durationMs: Int
    /// The RPC or transport error, if the call failed.
    public var error: String?

    /// An audit entry.
    public init(time: Date, method: String, peer: String? = nil, count: Int? = nil, durationMs: Int, error: String? = nil) {
        self.time = time
        self.method = method
        self.peer = peer
        self.count = count
        self.durationMs = durationMs
        self.error = error
    }
}
