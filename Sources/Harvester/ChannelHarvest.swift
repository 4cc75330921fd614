import Archive
import Client
import Foundation
import Logging
import TL
import Timekeeping

/// One run of one job on one channel, as a machine taking one page per `step()`, so a scheduler can
/// interleave many runs fairly and stop any of them between pages.
///
/// The exact incremental algorithm: a checkpoint per (job, channel) holds `head`, the highest id archived
/// with nothing missing below it down to `tail`, the lowest id backfill reached. A run first catches up
/// **forward** from `head` (oldest first, so `head` only ever advances past what is stored), optionally
/// re-reads the recent range for edits and deletions, then continues the **backfill** downward from
/// `tail` until the window's start. Every page is committed in one transaction with the checkpoint it
/// justifies, so after an interruption at any moment the next run resumes exactly there: no gap, no
/// duplicate, and at most the uncommitted page is fetched again.
public struct ChannelHarvest: Sendable {
    /// The plan this run follows.
    public let plan: HarvestPlan
    /// The channel once resolved.
    public internal(set) var peer: ResolvedPeer?
    /// The checkpoint as last committed (or loaded).
    public private(set) var checkpoint = Checkpoint()
    /// The channel's discussion group once the channel's pages are done and the plan asks for comments: the
    /// peer the paging reads from then on (with its own checkpoint).
    public private(set) var group: ResolvedPeer?
    var phase = HarvestPhase.resolve
    /// The limit that ended the paging early, reported when the downloads after it end.
    var pagingStop: HarvestStop?
    private var pages: HistoryPages.Iterator?
    private var refreshUpper: Int32?
    private var refreshedPeer = false
    private var discussionDone = false
    private var counts = HarvestTally()
    let invoker: any Invoker
    private let resolver: PeerResolver
    let store: ArchiveStore
    let clock: any ProgramClock
    private let meter: RunMeter
    let mediaDownloader: (any MediaDownloader)?
    /// Hears the watermark of the file being downloaded (the terminal's progress line).
    public var mediaProgress: (@Sendable (MediaEntry, Int64) -> Void)?

    /// A run of `plan` calling through `invoker` (the job's pipeline), resolving peers with `peerCache`,
    /// archiving into `store`. `meter` counts requests and flood waits (pass it to the pipeline as its
    /// flood-wait observer too). `downloader` fetches the files of a plan with media.
    public init(plan: HarvestPlan, invoker: any Invoker, peerCache: any PeerCache, store: ArchiveStore,
                clock: any ProgramClock, meter: RunMeter = RunMeter(), downloader: (any MediaDownloader)? = nil) {
        self.plan = plan
        mediaDownloader = downloader
        self.meter = meter
        self.invoker = meter.meter(invoker)
        resolver = PeerResolver(invoker: self.invoker, cache: peerCache)
        self.store = store
        self.clock = clock
    }

    /// What the run did so far.
    public var tally: HarvestTally {
        var tally = counts
        tally.requests = meter.requests
        tally.floodWaits = meter.floodWaits
        tally.longestFloodWait = meter.longestFloodWait
        return tally
    }

    /// Whether the run has nothing left to do.
    public var isDone: Bool { phase == .done }

    /// Runs steps until the run stops.
    public mutating func run() async -> HarvestStop {
        while true {
            if case .stopped(let stop) = await step() { return stop }
        }
    }

    /// Does the next piece of work: resolves the channel, or fetches and commits one page.
    public mutating func step() async -> HarvestStep {
        if phase == .done { return .stopped(.completed) }
        if let stop = plan.limits.stop(after: tally, now: now) {
            // The messages cap ends the paging, not the downloads of what was archived.
            guard case .limitReached(.messages) = stop, plan.media != nil, phase != .resolve else { return .stopped(stop) }
            if phase != .media {
                pagingStop = stop
                advance(to: .media)
            }
        }
        if phase == .media { return await downloadMedia() }
        do {
            switch phase {
            case .resolve: try await resolve()
            case .catchUp: try await catchUp()
            case .refresh: try await refresh()
            case .backfill: try await backfill()
            case .discussion: try await openDiscussion()
            case .media, .done: break
            }
            return phase == .done ? .stopped(.completed) : .progressed
        } catch ClientError.rpc(let error) where error.name == .channelInvalid && !refreshedPeer {
            return await refreshPeer()
        } catch {
            return .stopped(Self.stop(for: error))
        }
    }

    var now: Date { Date(timeIntervalSince1970: clock.now()) }

    private mutating func resolve() async throws {
        let resolved: ResolvedPeer
        if case .invite(let hash) = plan.channel {
            resolved = try await InviteAccess(hash: hash, links: InviteLinks(invoker: invoker), store: store, clock: clock,
                                              joinDelay: plan.joinDelay, job: plan.job).peer()
        } else {
            resolved = try await resolver.resolve(plan.channel)
        }
        peer = resolved
        try await saveForumTopics()
        checkpoint = try store.checkpoint(job: plan.job, channel: resolved.id) ?? Checkpoint()
        reopenWidenedWindow()
        phase = checkpoint.head == nil ? .backfill : .catchUp
    }

    /// A window that reaches further back than the one backfill completed reopens the backfill.
    private mutating func reopenWidenedWindow() {
        guard checkpoint.windowStartReached else { return }
        let widenedDate: Bool
        switch (checkpoint.windowStart, window.since) {
        case (let reached?, let wanted?): widenedDate = wanted < reached
        case (.some, nil): widenedDate = true
        case (nil, _): widenedDate = false
        }
        var widenedIDs = false
        if let minID = window.minID, let tail = checkpoint.tail { widenedIDs = Int(tail) > minID }
        if widenedDate || widenedIDs { checkpoint.windowStartReached = false }
    }

    private mutating func catchUp() async throws {
        guard let peer = target, let head = checkpoint.head else { return advance(to: .refresh) }
        if pages == nil {
            pages = HistoryPages(invoker: invoker, request: HistoryRequest(
                peer: peer.inputPeer, direction: .oldestFirst, minID: Int(head), maxID: window.requestMaxID,
                maxDate: window.untilUnix)).makeAsyncIterator()
        }
        guard let page = try await nextPage() else { return advance(to: .refresh) }
        var next = checkpoint
        next.head = page.messages.last.map { Int32(clamping: $0.messageID) } ?? head
        try commit(page, checkpoint: next)
        // A short page reached the newest message: stop here rather than chase posts arriving meanwhile
        // (the next run catches them up).
        if page.received < HistoryRequest.maxPageSize { advance(to: .refresh) }
    }

    private mutating func refresh() async throws {
        guard let peer = target, let refresh = plan.refresh, let head = checkpoint.head, let tail = checkpoint.tail else {
            return advance(to: .backfill)
        }
        if pages == nil {
            let since = max(Int(now.timeIntervalSince1970 - refresh), window.sinceUnix ?? 0)
            pages = HistoryPages(invoker: invoker, request: HistoryRequest(
                peer: peer.inputPeer, direction: .newestFirst, minID: Int(tail) - 1, maxID: Int(head) + 1,
                minDate: since)).makeAsyncIterator()
            refreshUpper = head
        }
        guard let page = try await nextPage() else { return advance(to: .backfill) }
        try commit(page, checkpoint: checkpoint)
        let ids = page.messages.map { Int32(clamping: $0.messageID) }
        guard let lowest = ids.min(), let upper = refreshUpper, lowest <= upper else { return }
        let seen = Set(ids)
        let vanished = try store.archivedIDs(channel: peer.id, in: lowest...upper).filter { !seen.contains($0) }
        if !vanished.isEmpty { counts.deleted += try store.markDeleted(channel: peer.id, ids: vanished, noticedAt: now) }
        refreshUpper = lowest - 1
    }

    private mutating func backfill() async throws {
        guard let peer = target else { return }
        if checkpoint.windowStartReached { return advance(to: afterPaging) }
        if pages == nil {
            let top = checkpoint.tail.map { Int($0) } ?? window.requestMaxID
            pages = HistoryPages(invoker: invoker, request: HistoryRequest(
                peer: peer.inputPeer, direction: .newestFirst, minID: window.requestMinID, maxID: top,
                minDate: window.sinceUnix, maxDate: checkpoint.tail == nil ? window.untilUnix : nil))
                .makeAsyncIterator()
        }
        var next = checkpoint
        guard let page = try await nextPage() else {
            next.windowStartReached = true
            next.windowStart = window.since
            try commit(nil, checkpoint: next)
            return advance(to: afterPaging)
        }
        let ids = page.messages.map { Int32(clamping: $0.messageID) }
        if next.head == nil { next.head = ids.max() }
        next.tail = ids.min() ?? next.tail
        try commit(page, checkpoint: next)
    }

    /// The peer the paging reads: the discussion group once it is open, else the channel.
    private var target: ResolvedPeer? { group ?? peer }

    /// The window the paging keeps to: the plan's, without its id bounds in the group (they are post ids).
    private var window: HarvestWindow {
        guard group != nil else { return plan.window }
        return HarvestWindow(since: plan.window.since, until: plan.window.until)
    }

    /// Finds the channel's linked discussion group with `channels.getFullChannel` (one request per run) and
    /// starts reading it with its own checkpoint; a channel without one has no comments to archive.
    private mutating func openDiscussion() async throws {
        guard let peer else { return }
        let answer = try await invoker.invoke(Api.Channels.GetFullChannel(channel: peer.inputChannel))
        guard case .channelFull(let full) = answer.fullChat, let linked = full.linkedChatId,
              let found = ResolvedPeer.channel(id: linked, in: answer.chats) else {
            Logger(label: "tgcron.harvest").notice("channel \(peer.id) has no discussion group: no comments to archive",
                                                   metadata: ["job": "\(plan.job)"])
            discussionDone = true
            return advance(to: afterPaging)
        }
        try await resolver.cache.store(found, alias: nil)
        group = found
        discussionDone = true
        checkpoint = try store.checkpoint(job: plan.job, channel: found.id) ?? Checkpoint()
        reopenWidenedWindow()
        advance(to: checkpoint.head == nil ? .backfill : .catchUp)
    }

    private mutating func nextPage() async throws -> HistoryPage? {
        guard var iterator = pages else { return nil }
        defer { pages = iterator }
        let page = try await iterator.next()
        if let page, group == nil {
            try await followRename(in: page.chats)
            if let fresh = peer.flatMap({ ResolvedPeer.channel(id: $0.id, in: page.chats) }) { peer?.forum = fresh.forum }
        }
        return page
    }

    /// A channel renamed since it was cached is still reached by id (with the cached access hash); its
    /// new username is recorded with the next page and in the peer cache, and said in the log.
    private mutating func followRename(in chats: [Api.Chat]) async throws {
        guard let old = peer, let fresh = ResolvedPeer.channel(id: old.id, in: chats),
              fresh.username?.lowercased() != old.username?.lowercased() else { return }
        Logger(label: "tgcron.harvest").notice(
            "channel \(old.id) is now \(fresh.username.map { "@" + $0 } ?? "without a username") (was \(old.username.map { "@" + $0 } ?? "none")); archiving it by id",
            metadata: ["job": "\(plan.job)"])
        peer = fresh
        try await resolver.cache.store(fresh, alias: nil)
    }

    /// Counts media work into the tally.
    mutating func noteMedia(stored: Int = 0, bytes: Int64 = 0, failed: Int = 0) {
        counts.mediaStored += stored
        counts.mediaBytes += bytes
        counts.mediaFailures += failed
    }

    /// The phase after the last page: the discussion group's pages when comments are wanted and not read
    /// yet, then the downloads when the plan has media.
    private var afterPaging: HarvestPhase {
        if plan.comments && !discussionDone { return .discussion }
        return plan.media == nil ? .done : .media
    }

    private mutating func advance(to next: HarvestPhase) {
        pages = nil
        phase = next
    }

    /// Commits `page` (nil: no messages) with `next`, the page's users and chats, and in the discussion group
    /// the link of each comment to its post. The group's files are not queued: downloads follow the channel's.
    private mutating func commit(_ page: HistoryPage?, checkpoint next: Checkpoint) throws {
        guard let peer = target else { return }
        let messages = page?.messages ?? []
        let media = plan.media.flatMap { media in
            group != nil ? nil : messages.compactMap { MediaEntry(message: $0.value, channel: peer.id, filter: media.filter, now: now) }
        } ?? []
        let peers = PagePeers(users: page?.users ?? [], chats: page?.chats ?? [], discussionOf: group == nil ? nil : self.peer?.id)
        let result = try store.commitPage(channel: peer.channelInfo, job: plan.job, messages: messages, checkpoint: next,
                                          now: now, media: media, peers: peers)
        checkpoint = next
        counts.mediaQueued += result.mediaQueued
        counts.new += result.new
        counts.updated += result.updated
        counts.versioned += result.versioned
        if !messages.isEmpty { counts.pages += 1 }
    }

    /// A stale access hash: fetch the channel again and restart the current phase's paging.
    private mutating func refreshPeer() async -> HarvestStep {
        refreshedPeer = true
        guard let stale = peer else { return .stopped(.failed("CHANNEL_INVALID before the channel was resolved")) }
        do {
            peer = try await resolver.refresh(stale, reference: plan.channel)
            pages = nil
            return .progressed
        } catch ClientError.rpc(let error) where error.name == .channelInvalid {
            return .stopped(.failed(Self.vanished("")))
        } catch ClientError.peerUnavailable(let name) {
            return .stopped(.failed(Self.vanished(", and \(name) no longer resolves to it")))
        } catch {
            return .stopped(Self.stop(for: error))
        }
    }

    /// Why a channel still refused after its access hash was refreshed is given up, with `detail`.
    private static func vanished(_ detail: String) -> String {
        "the channel is no longer reachable (CHANNEL_INVALID after refreshing its access hash\(detail)): deleted, "
            + "or the account lost access"
    }

    /// How an error ends the run: waits the caller may sit out later are deferrals, the rest failures.
    static func stop(for error: any Error) -> HarvestStop {
        switch Refusal(error) {
        case .account?: return .accountRefused(Refusal(error)?.description ?? "\(error)")
        case .channel(let name)?: return .failed(Refusal.channel(name).description)
        case nil: break
        }
        return switch error {
        case ClientError.floodDeferred(let seconds, let method): .deferred(.floodWait(seconds: seconds, method: method))
        case ClientError.deferred(let method, let reason): .deferred(.governor(method: method, reason: reason))
        case ClientError.admissionFailed(let failure): .deferred(.admissionFailed(failure))
        case is CancellationError, ClientError.cancelled: .deferred(.stopRequested)
        case ClientError.takeoutDelayed(let seconds): .deferred(.takeoutDelay(seconds: seconds))
        case InviteRefusal.requestSent: .deferred(.joinRequestPending)
        case let refusal as InviteRefusal: .failed(refusal.description)
        case let error as ArchiveError: .failed(error.description)
        default: .failed(String(describing: error))
        }
    }
}
