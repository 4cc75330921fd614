import GRDB

/// A Codable record whose properties map to snake_case columns (`channelId` ↔ `channel_id`).
public protocol ArchiveRecord: Codable, Sendable, FetchableRecord, PersistableRecord {}

extension ArchiveRecord {
    /// Columns are snake_case versions of the property names.
    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    /// Columns are snake_case versions of the property names.
    public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
}
