import Foundation
import GRDB

/// Why an archive operation failed, with what a caller needs to report it or act on it.
///
/// Every failure of a write leaves the database as it was before the call: the transaction is rolled back,
/// so the stored checkpoint still matches the stored messages.
public enum ArchiveError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The database file could not be created, secured or opened.
    case openFailed(path: String, reason: String)
    /// The database is read-only (opened read-only, or the file or its directory refuses writes).
    case readOnly(path: String)
    /// The file is not an SQLite database or is damaged.
    case corrupt(path: String, reason: String)
    /// The disk (or quota) is full.
    case diskFull(path: String)
    /// Another connection held the database locked for longer than the busy timeout.
    case busy(path: String)
    /// The file is another application's SQLite database (tables, but no tgcron migrations): never migrated.
    case foreignDatabase(path: String)
    /// The database was written by a newer tgcron whose schema this build does not know.
    case schemaTooNew(path: String)
    /// A checkpoint would claim more than the stored messages cover; nothing of the page was written.
    case checkpointRejected(job: String, channel: Int64, reason: String)
    /// A message from the server or from the archive could not be decoded.
    case undecodableMessage(channel: Int64, id: Int32, reason: String)
    /// A page for `channel` holds message `id` of another chat; nothing of the page was written.
    case messageOutsideChannel(channel: Int64, id: Int32)
    /// An export could not be written to its destination.
    case exportFailed(reason: String)
    /// The reader of an export's pipe went away (EPIPE, as `tgcron export | head -1` does): the output is
    /// over, which is not a failure.
    case exportReaderGone(destination: String)
    /// Any other SQLite failure.
    case database(path: String, reason: String)
    /// A `tgcron sql` statement that does not compile or would write.
    case queryRefused(reason: String)

    /// What failed and where, for the person reading the log.
    public var description: String {
        switch self {
        case let .openFailed(path, reason): "archive: cannot open \(path): \(reason)"
        case let .readOnly(path): "archive: \(path) is read-only; check the file's permissions and the disk"
        case let .corrupt(path, reason):
            "archive: \(path) is damaged or not an SQLite database (\(reason)); nothing more is written to it. "
                + "See the damage with `tgcron archive check`, copy every readable row into a new archive with "
                + "`tgcron archive recover --out NEW.sqlite`, then use the new file"
        case let .diskFull(path): "archive: the disk holding \(path) is full"
        case let .busy(path): "archive: \(path) stayed locked by another process beyond the busy timeout"
        case let .foreignDatabase(path):
            "archive: \(path) is an SQLite database of another application, not a tgcron archive; "
                + "tgcron leaves it alone (choose another --db or archive.database)"
        case let .schemaTooNew(path): "archive: \(path) was written by a newer tgcron; upgrade before using it"
        case let .checkpointRejected(job, channel, reason):
            "archive: checkpoint of job \(job) for channel \(channel) rejected: \(reason)"
        case let .undecodableMessage(channel, id, reason):
            "archive: message \(id) of channel \(channel) cannot be decoded: \(reason)"
        case let .messageOutsideChannel(channel, id):
            "archive: message \(id) in the page of channel \(channel) belongs to another chat"
        case let .exportFailed(reason): "archive: export failed: \(reason)"
        case let .exportReaderGone(destination): "archive: export stopped: the reader of \(destination) closed it"
        case let .database(path, reason): "archive: database error in \(path): \(reason)"
        case let .queryRefused(reason): "sql: \(reason)"
        }
    }

    /// Classifies an error thrown by GRDB or SQLite while working on `path`.
    static func classify(_ error: any Error, path: String) -> ArchiveError {
        if let archiveError = error as? ArchiveError { return archiveError }
        guard let sqlite = error as? DatabaseError else {
            return .database(path: path, reason: "\(error)")
        }
        let reason = sqlite.message ?? "\(sqlite)"
        switch sqlite.resultCode {
        case .SQLITE_READONLY, .SQLITE_PERM: return .readOnly(path: path)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return .corrupt(path: path, reason: reason)
        case .SQLITE_FULL: return .diskFull(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path: path)
        case .SQLITE_CANTOPEN: return .openFailed(path: path, reason: reason)
        default: return .database(path: path, reason: reason)
        }
    }
}
