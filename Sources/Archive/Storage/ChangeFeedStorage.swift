import Foundation

/// The change feed downstream sinks read, their cursors, and watch mode's update-stream positions.
public protocol ChangeFeedStorage: AnyObject, Sendable {
    /// Up to `limit` change-log entries after `seq`, oldest first, with the message row where it has one.
    func changes(after seq: Int64, limit: Int) throws(ArchiveError) -> [ArchiveChange]
    /// The last change-log `seq` sink `name` has handled (0 if it never advanced).
    func sinkCursor(_ name: String) throws(ArchiveError) -> Int64
    /// Records that sink `name` has handled every change up to `seq`; the cursor never moves back.
    func advanceSinkCursor(_ name: String, to seq: Int64, now: Date) throws(ArchiveError)
    /// The update-stream position (pts) watch mode reached for `channel`.
    func watchPts(channel: Int64) throws(ArchiveError) -> Int32?
    /// Records that watch mode has applied `channel`'s updates up to `pts`.
    func saveWatchPts(_ pts: Int32, channel: Int64, now: Date) throws(ArchiveError)
}
