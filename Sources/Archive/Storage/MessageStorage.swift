import Foundation
import TL

/// Messages and checkpoints: where a harvest stores its pages, exactly once per page, with what pages carry
/// besides messages: the senders (`users`), the links of discussion-group messages to their posts, and the
/// topics of forums (a message's `topic_id` names one).
///
/// Implemented by `ArchiveStore` (SQLite, the embedded default) and by the PostgreSQL archive
/// (`ArchivePostgres`). Every method is one transaction of the backing database.
public protocol MessageStorage: AnyObject, Sendable {
    /// Archives a page of `channel`'s messages and moves `job`'s checkpoint, all in one transaction: either
    /// every message and the checkpoint are stored, or nothing is. `media` are queued in the same transaction
    /// where the store keeps a media ledger; `peers`' users and chats are stored in `users` (a `min` copy never
    /// overwrites a full one) and, for a discussion group's page, its messages are linked to their posts, in the
    /// same transaction.
    @discardableResult
    func commitPage(channel: ChannelInfo, job: String, messages: [TLReceived<Api.Message>], checkpoint: Checkpoint,
                    now: Date, media: [MediaEntry], peers: PagePeers) throws(ArchiveError) -> PageCommitResult
    /// The checkpoint `job` last committed for `channel`, or nil if it never committed a page.
    func checkpoint(job: String, channel: Int64) throws(ArchiveError) -> Checkpoint?
    /// Marks the archived messages `ids` of `channel` deleted; returns how many were newly marked.
    @discardableResult
    func markDeleted(channel: Int64, ids: [Int32], noticedAt: Date) throws(ArchiveError) -> Int
    /// The ids of `channel` stored within `range`, ascending, tombstones included.
    func archivedIDs(channel: Int64, in range: ClosedRange<Int32>) throws(ArchiveError) -> [Int32]
    /// The stored row of message `id` in `channel`.
    func message(channel: Int64, id: Int32) throws(ArchiveError) -> MessageRecord?
    /// How many messages of `channel` are archived (deleted ones included, tombstones excluded).
    func messageCount(channel: Int64) throws(ArchiveError) -> Int
    /// The highest message id archived for `channel`, nil if none.
    func newestArchivedID(channel: Int64) throws(ArchiveError) -> Int32?
    /// The channel with id `id`, if the archive has seen it.
    func channel(id: Int64) throws(ArchiveError) -> ChannelRecord?
    /// The channels the archive holds, by id.
    func channels() throws(ArchiveError) -> [ChannelRecord]

    /// Every user and chat the archive has seen, by Bot API style id.
    func users() throws(ArchiveError) -> [Int64: UserRecord]
    /// The discussion group whose comments were archived for `channel`, if any.
    func discussionGroup(of channel: Int64) throws(ArchiveError) -> Int64?

    /// Stores the topics of forum `channel` as listed at `now` in one transaction; a topic listed as deleted
    /// keeps its title and is marked, one not listed is left as it was.
    func saveForumTopics(_ topics: [ForumTopicRecord], channel: Int64, now: Date) throws(ArchiveError)
    /// Whether `channel` is known as a forum (a run listed its topics).
    func isForum(_ channel: Int64) throws(ArchiveError) -> Bool
    /// The topics of `channel`, by id.
    func forumTopics(channel: Int64) throws(ArchiveError) -> [ForumTopicRecord]
}
