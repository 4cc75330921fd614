import Archive
import Client
import Foundation
import Jobs
import TL
import Timekeeping

/// Watch mode for one job's channel between scheduled runs: follows the channel's update stream with
/// `updates.getChannelDifference` from the position kept in the archive, archiving new posts, edits (as
/// versions) and deletions (as marks) as they come. Checkpoints are left alone: the next scheduled run's
/// catch-up still proves there is no gap, and what watch mode stored costs it nothing but the reading.
public struct ChannelWatch: Sendable {
    /// The job whose channel is watched.
    public let job: String
    /// The channel.
    public let channel: PeerReference
    private let invoker: any Invoker
    private let resolver: PeerResolver
    private let store: ArchiveStore
    private let clock: any ProgramClock
    /// The job's media rule: files of what the watch archives are queued in the ledger (the next scheduled
    /// run downloads them); nil for none.
    public var media: MediaRule?

    /// A watch calling through `invoker` (the job's governed pipeline).
    public init(job: String, channel: PeerReference, invoker: any Invoker, peerCache: any PeerCache,
                store: ArchiveStore, clock: any ProgramClock) {
        self.job = job
        self.channel = channel
        self.invoker = invoker
        resolver = PeerResolver(invoker: invoker, cache: peerCache)
        self.store = store
        self.clock = clock
    }

    /// Applies every update since the stored position (at most `maxRounds` differences); returns what changed.
    public func poll(maxRounds: Int = 10) async throws -> WatchTally {
        // A chat by invite link is watched once a scheduled run joined it; watching never joins.
        var peer: ResolvedPeer
        if case .invite(let hash) = channel, let joined = try InviteAccess.remembered(hash, in: store) {
            peer = joined
        } else {
            peer = try await resolver.resolve(channel)
        }
        // Cached peers do not keep the forum flag; a forum's scheduled runs listed its topics.
        peer.forum = try peer.forum || store.isForum(peer.id)
        var tally = WatchTally()
        guard var pts = try store.watchPts(channel: peer.id) else {
            // Start following from now, then read what was posted since the newest archived message, so the
            // stream and the archive meet (messages in both are stored once).
            let start = try await currentPts(peer)
            try await fill(peer, tally: &tally)
            try store.saveWatchPts(start, channel: peer.id, now: now)
            return tally
        }
        for _ in 0..<maxRounds {
            let answer = try await invoker.invoke(Api.Updates.GetChannelDifference(
                force: false, channel: peer.inputChannel, filter: .channelMessagesFilterEmpty, pts: pts, limit: 100))
            tally.requests += 1
            switch answer {
            case .channelDifferenceEmpty(let empty):
                pts = empty.pts
                try store.saveWatchPts(pts, channel: peer.id, now: now)
                return tally
            case .channelDifferenceTooLong(let tooLong):
                // Too far behind: the scheduled run's catch-up reads the history; start following from now.
                try commit(tooLong.messages, peer: peer, peers: PagePeers(users: tooLong.users, chats: tooLong.chats),
                           tally: &tally)
                if case .dialog(let dialog) = tooLong.dialog, let latest = dialog.pts { pts = latest }
                try store.saveWatchPts(pts, channel: peer.id, now: now)
                return tally
            case .channelDifference(let difference):
                let senders = PagePeers(users: difference.users, chats: difference.chats)
                try commit(difference.newMessages, peer: peer, peers: senders, tally: &tally)
                var edited: [Api.Message] = []
                var deleted: [Int32] = []
                for update in difference.otherUpdates {
                    switch update {
                    case .updateEditChannelMessage(let edit):
                        // Only messages the job archived: an edit of an older post is no reason to widen its window.
                        if try store.message(channel: peer.id, id: Int32(clamping: edit.message.messageID)) != nil {
                            edited.append(edit.message)
                        }
                    case .updateDeleteChannelMessages(let deletion) where deletion.channelId == peer.id:
                        deleted += deletion.messages
                    default: continue
                    }
                }
                try commit(edited, peer: peer, peers: senders, tally: &tally)
                if !deleted.isEmpty { tally.deleted += try store.markDeleted(channel: peer.id, ids: deleted, noticedAt: now) }
                pts = difference.pts
                try store.saveWatchPts(pts, channel: peer.id, now: now)
                if difference.final { return tally }
            }
        }
        return tally
    }

    private var now: Date { Date(timeIntervalSince1970: clock.now()) }

    /// Archives the history after the newest archived message, oldest first; when the checkpoint's head is that
    /// message, head moves along (the pages are contiguous).
    private func fill(_ peer: ResolvedPeer, tally: inout WatchTally) async throws {
        guard let newest = try store.newestArchivedID(channel: peer.id) else { return }
        var checkpoint = try store.checkpoint(job: job, channel: peer.id) ?? Checkpoint()
        let advancesHead = checkpoint.head == newest
        var pages = HistoryPages(invoker: invoker, request: HistoryRequest(
            peer: peer.inputPeer, direction: .oldestFirst, minID: Int(newest))).makeAsyncIterator()
        while let page = try await pages.next() {
            tally.requests += 1
            if advancesHead, let last = page.messages.last { checkpoint.head = Int32(clamping: last.messageID) }
            let result = try store.commitPage(channel: peer.channelInfo, job: job, messages: page.messages, checkpoint: checkpoint,
                                              now: now, media: mediaEntries(page.messages.map(\.value), channel: peer.id),
                                              peers: PagePeers(users: page.users, chats: page.chats))
            tally.new += result.new
            tally.updated += result.updated
            if page.received < HistoryRequest.maxPageSize { break }
        }
    }

    private func currentPts(_ peer: ResolvedPeer) async throws -> Int32 {
        let full = try await invoker.invoke(Api.Channels.GetFullChannel(channel: peer.inputChannel))
        guard case .channelFull(let channel) = full.fullChat else { throw ClientError.peerUnavailable("\(self.channel)") }
        return channel.pts
    }

    /// Commits the channel's own `messages` with the users and chats the answer listed.
    private func commit(_ messages: [Api.Message], peer: ResolvedPeer, peers: PagePeers, tally: inout WatchTally) throws {
        let own = messages.filter { $0.channelID == peer.id }
        guard !own.isEmpty else { return }
        let checkpoint = try store.checkpoint(job: job, channel: peer.id) ?? Checkpoint()
        let result = try store.commitPage(channel: peer.channelInfo, job: job, messages: own, checkpoint: checkpoint, now: now,
                                          media: mediaEntries(own, channel: peer.id), peers: peers)
        tally.new += result.new
        tally.updated += result.updated
    }

    /// The ledger rows of `messages`' files under the job's media rule.
    private func mediaEntries(_ messages: [Api.Message], channel: Int64) -> [MediaEntry] {
        guard let media else { return [] }
        return messages.compactMap { MediaEntry(message: $0, channel: channel, filter: media, now: now) }
    }
}

/// What one watch poll did.
public struct WatchTally: Sendable, Equatable {
    /// Messages archived for the first time.
    public var new = 0
    /// Archived messages that changed.
    public var updated = 0
    /// Messages newly marked deleted.
    public var deleted = 0
    /// Requests made.
    public var requests = 0

    /// Nothing yet.
    public init() {}

    /// Whether the poll archived anything: a new, changed or deleted message.
    public var changedArchive: Bool { new + updated + deleted > 0 }
}
