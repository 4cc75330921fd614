import Foundation
import GRDB

/// A row of the media ledger (`media`): one file of one message, its facts, and its download's state.
public struct MediaEntry: ArchiveRecord, Equatable {
    public static let databaseTableName = "media"

    /// The row id (nil before insertion).
    public var id: Int64?
    /// The channel.
    public var channelId: Int64
    /// The message carrying the file.
    public var messageId: Int32
    /// The photo or document id: the same file in many messages has one id.
    public var fileId: Int64
    /// `photo`, `video`, `document`, `audio`, `voice`, `video_note`, `animation` or `sticker`.
    public var kind: String
    /// The DC serving the file.
    public var dc: Int
    /// The file's size in bytes.
    public var size: Int64
    /// The MIME type (`image/jpeg` for photos).
    public var mimeType: String?
    /// The document's file name, if it has one.
    public var fileName: String?
    /// Pixel width of a photo or video.
    public var width: Int?
    /// Pixel height of a photo or video.
    public var height: Int?
    /// Seconds of a video, audio or voice note.
    public var duration: Double?
    /// The serialized `InputFileLocation` to fetch it with (its file reference may have expired since).
    public var location: Data
    /// Where the download stands.
    public var status: MediaStatus
    /// Bytes stored and synced in the partial file.
    public var bytesDone: Int64
    /// The file's SHA-256 (hex), once done.
    public var sha256: String?
    /// The file's path inside the media root, once done.
    public var path: String?
    /// Why the job's filter skipped it.
    public var skipReason: String?
    /// The last error of a failed attempt.
    public var error: String?
    /// Attempts that ended in an error.
    public var attempts: Int
    /// When it was queued.
    public var queuedAt: Date
    /// When the row last changed.
    public var updatedAt: Date

    /// A new ledger row, `pending` (or `skipped` with `skipReason`).
    public init(channelId: Int64, messageId: Int32, fileId: Int64, kind: String, dc: Int, size: Int64,
                mimeType: String?, fileName: String?, width: Int?, height: Int?, duration: Double?, location: Data,
                skipReason: String?, queuedAt: Date) {
        self.channelId = channelId
        self.messageId = messageId
        self.fileId = fileId
        self.kind = kind
        self.dc = dc
        self.size = size
        self.mimeType = mimeType
        self.fileName = fileName
        self.width = width
        self.height = height
        self.duration = duration
        self.location = location
        status = skipReason == nil ? .pending : .skipped
        bytesDone = 0
        self.skipReason = skipReason
        attempts = 0
        self.queuedAt = queuedAt
        updatedAt = queuedAt
    }

    /// Updates `id` after an insert.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
