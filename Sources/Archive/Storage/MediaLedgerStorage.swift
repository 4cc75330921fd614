import Foundation

/// The media ledger: each message's files, their downloads, and the bytes downloaded per local day.
public protocol MediaLedgerStorage: AnyObject, Sendable {
    /// The next file of `channel` to download (pending or partial), or nil when none is left.
    func nextMedia(channel: Int64) throws(ArchiveError) -> MediaEntry?
    /// A `done` row of the same file, whose stored copy another row can share.
    func doneMedia(fileID: Int64) throws(ArchiveError) -> MediaEntry?
    /// Records that every byte of row `id` below `bytes` is stored and synced.
    func recordMediaProgress(id: Int64, bytes: Int64, now: Date) throws(ArchiveError)
    /// Marks the file `fileID` done in every row waiting for it and counts `newBytes` into day `day`.
    @discardableResult
    func completeMedia(fileID: Int64, sha256: String, path: String, newBytes: Int64, day: String,
                       now: Date) throws(ArchiveError) -> Int
    /// Counts `bytes` downloaded into local day `day`.
    func countMediaBytes(_ bytes: Int64, day: String) throws(ArchiveError)
    /// Media bytes downloaded on local day `day`, and the first day anything was downloaded.
    func mediaBytes(day: String) throws(ArchiveError) -> (bytes: Int64, firstDay: String?)
    /// Records a failed attempt at row `id`.
    func failMedia(id: Int64, error: String, maxAttempts: Int, now: Date) throws(ArchiveError)
    /// Puts row `id` back in the queue from the start.
    func requeueMedia(id: Int64, reason: String, now: Date) throws(ArchiveError)
    /// Ledger rows with `status` (every channel), in id order.
    func mediaEntries(status: MediaStatus) throws(ArchiveError) -> [MediaEntry]
}
