import Archive
import Foundation
import TL
import XCTest

/// The storage suite, written once against the storage protocols; `SQLiteStorageTests` and
/// `PostgresStorageTests` run each case against their archive.
struct StorageContract {
    let store: any Storage

    static let channel = ChannelInfo(id: 2_002, accessHash: 91, username: "seam_news", title: "Seam News")
    static let job = "seam"
    /// Whole seconds: both archives keep at least milliseconds, so these compare equal after a round trip.
    static let now = Date(timeIntervalSince1970: 1_720_000_000)

    static func post(_ id: Int32, text: String? = nil, views: Int32 = 10) -> TLReceived<Api.Message> {
        TLReceived(serializing: .message(Api.Message.Message(
            post: true, id: id, peerId: .peerChannel(Api.Peer.PeerChannel(channelId: channel.id)),
            date: 1_714_564_800 + id * 60, message: text ?? "post \(id)", views: views)))
    }

    static func empty(_ id: Int32) -> TLReceived<Api.Message> {
        TLReceived(serializing: .messageEmpty(Api.Message.MessageEmpty(
            id: id, peerId: .peerChannel(Api.Peer.PeerChannel(channelId: channel.id)))))
    }

    @discardableResult
    func commit(_ messages: [TLReceived<Api.Message>], head: Int32?, tail: Int32? = nil, at now: Date = now,
                job: String = job) throws -> PageCommitResult {
        try store.commitPage(channel: Self.channel, job: job, messages: messages,
                             checkpoint: Checkpoint(head: head, tail: tail), now: now, media: [], peers: PagePeers())
    }

    // MARK: Messages and checkpoints

    func pageAndCheckpointCommitTogether() throws {
        let result = try commit((1...5).map { Self.post($0) }, head: 5, tail: 1)
        XCTAssertEqual(result, PageCommitResult(new: 5))
        XCTAssertEqual(try store.checkpoint(job: Self.job, channel: Self.channel.id), Checkpoint(head: 5, tail: 1))
        XCTAssertNil(try store.checkpoint(job: "other", channel: Self.channel.id))
        XCTAssertEqual(try store.messageCount(channel: Self.channel.id), 5)
        XCTAssertEqual(try store.archivedIDs(channel: Self.channel.id, in: 2...4), [2, 3, 4])
        XCTAssertEqual(try store.newestArchivedID(channel: Self.channel.id), 5)
        let message = try XCTUnwrap(try store.message(channel: Self.channel.id, id: 3))
        XCTAssertEqual(message.text, "post 3")
        XCTAssertEqual(message.raw, Data(Self.post(3).bytes))
        XCTAssertEqual(message.archivedAt, Self.now)
        XCTAssertEqual(try store.channels().map(\.title), ["Seam News"])
        XCTAssertEqual(try store.channel(id: Self.channel.id)?.accessHash, 91)
    }

    func rejectedCheckpointStoresNothingOfItsPage() throws {
        try commit([Self.post(1)], head: 1)
        XCTAssertThrowsError(try commit([Self.post(2), Self.post(3)], head: 9)) { error in
            guard case .checkpointRejected(_, _, let reason)? = error as? ArchiveError else {
                return XCTFail("expected checkpointRejected, got \(error)")
            }
            XCTAssertTrue(reason.contains("head 9"), reason)
        }
        XCTAssertEqual(try store.archivedIDs(channel: Self.channel.id, in: 1...10), [1])
        XCTAssertEqual(try store.checkpoint(job: Self.job, channel: Self.channel.id)?.head, 1)
        XCTAssertThrowsError(try commit([Self.post(2)], head: 2, tail: 3))
        XCTAssertEqual(try store.archivedIDs(channel: Self.channel.id, in: 1...10), [1])
    }

    func recommittingAPageChangesNothing() throws {
        try commit((1...3).map { Self.post($0) }, head: 3)
        let again = try commit((1...3).map { Self.post($0) }, head: 3)
        XCTAssertEqual(again, PageCommitResult(unchanged: 3))
        XCTAssertEqual(try store.changes(after: 0, limit: 100).map(\.kind), [.new, .new, .new])
    }

    func editsAreVersionedAndCountersAreNot() throws {
        try commit([Self.post(1, text: "first")], head: 1)
        let counters = try commit([Self.post(1, text: "first", views: 99)], head: 1)
        XCTAssertEqual(counters, PageCommitResult(updated: 1))
        let edit = try commit([Self.post(1, text: "second")], head: 1, at: Self.now.addingTimeInterval(60))
        XCTAssertEqual(edit, PageCommitResult(updated: 1, versioned: 1))
        let stored = try XCTUnwrap(try store.message(channel: Self.channel.id, id: 1))
        XCTAssertEqual(stored.text, "second")
        XCTAssertEqual(stored.archivedAt, Self.now)
        XCTAssertEqual(stored.updatedAt, Self.now.addingTimeInterval(60))
        let changes = try store.changes(after: 0, limit: 10)
        XCTAssertEqual(changes.map(\.kind), [.new, .edited])
        XCTAssertEqual(changes.last?.message?.text, "second")
    }

    func deletionsAreMarkedNeverRemoved() throws {
        try commit((1...3).map { Self.post($0) }, head: 3)
        let page = try commit([Self.empty(2), Self.empty(7)], head: 3)
        XCTAssertEqual(page, PageCommitResult(new: 1, updated: 1))
        XCTAssertNotNil(try store.message(channel: Self.channel.id, id: 2)?.deletedAt)
        XCTAssertEqual(try store.markDeleted(channel: Self.channel.id, ids: [1, 2, 42], noticedAt: Self.now), 1)
        XCTAssertEqual(try store.messageCount(channel: Self.channel.id), 3, "tombstones are not messages; deleted ones are")
        XCTAssertEqual(try store.archivedIDs(channel: Self.channel.id, in: 1...10), [1, 2, 3, 7])
        let deleted = try store.changes(after: 0, limit: 10).filter { $0.kind == .deleted }
        XCTAssertEqual(deleted.map(\.messageId), [2, 1])
        XCTAssertNil(deleted.first?.message)
    }

    // MARK: Runs and audit

    func runsAreRecorded() throws {
        let first = try store.beginRun(job: "a", channel: nil, startedAt: Self.now)
        try store.setRunChannel(id: first, channel: Self.channel.id)
        XCTAssertNil(try store.lastRunStart(job: "a"), "a running run does not count")
        try store.finishRun(id: first, outcome: RunOutcome(status: .succeeded, endedAt: Self.now.addingTimeInterval(5),
                                                            messagesNew: 7, requests: 3))
        let second = try store.beginRun(job: "a", channel: Self.channel.id, startedAt: Self.now.addingTimeInterval(10))
        XCTAssertNotEqual(first, second)
        XCTAssertEqual(try store.markInterruptedRuns(at: Self.now.addingTimeInterval(20)), 1)
        XCTAssertEqual(try store.lastRunStart(job: "a"), Self.now)
        let last = try XCTUnwrap(try store.lastRun(job: "a", channel: Self.channel.id))
        XCTAssertEqual(last.id, second)
        XCTAssertEqual(last.status, .interrupted)
        XCTAssertEqual(last.endedAt, Self.now.addingTimeInterval(20))
        try store.appendAudit([AuditRecord(time: Self.now, method: "messages.getHistory", peer: "@seam_news", count: 100,
                                           durationMs: 12)])
    }

    // MARK: Client state

    func sessionsAndAuthKeysKeepTheirState() throws {
        let key = AuthKeyRecord(session: "main", dcId: 2, authKey: Data(repeating: 0xAB, count: 256), salts: Data([1, 2]),
                                updatedAt: Self.now)
        try store.saveAuthKey(key, creatingSessionWithHomeDc: 2)
        XCTAssertEqual(try store.session(named: "main")?.homeDc, 2)
        XCTAssertEqual(try store.authKey(session: "main", dc: 2), key)
        try store.saveSession(SessionRecord(name: "main", homeDc: 4, userId: 42, dcOptions: Data([9]), updatedAt: Self.now))
        XCTAssertEqual(try store.session(named: "main"),
                       SessionRecord(name: "main", homeDc: 4, userId: 42, dcOptions: Data([9]), updatedAt: Self.now))
        XCTAssertEqual(try store.authKeys(session: "main").map(\.dcId), [2])
        XCTAssertFalse(try store.anySessionNeedsLogin())
        XCTAssertTrue(try store.retireAuthKey(session: "main", dc: 2, at: Self.now))
        XCTAssertFalse(try store.retireAuthKey(session: "main", dc: 2, at: Self.now))
        XCTAssertNil(try store.authKey(session: "main", dc: 2))
        XCTAssertTrue(try store.anySessionNeedsLogin())
        XCTAssertEqual(try store.loginNeeded(session: "main")?.since, Self.now)
        try store.clearLoginNeeded(session: "main")
        XCTAssertNil(try store.loginNeeded(session: "main"))
        try store.markLoginNeeded(session: "main", reason: "banned", at: Self.now)
        XCTAssertEqual(try store.loginNeeded(session: "main")?.reason, "banned")
    }

    func peersResolveCaseInsensitively() throws {
        try store.cachePeer(PeerRecord(username: "Seam_News", peerId: 7, accessHash: 1, title: "Old", resolvedAt: Self.now))
        XCTAssertEqual(try store.cachedPeer(username: "seam_news")?.peerId, 7)
        try store.cachePeer(PeerRecord(username: "seam_news", peerId: 8, resolvedAt: Self.now))
        XCTAssertEqual(try store.cachedPeer(username: "SEAM_NEWS")?.peerId, 8)
        try store.updateCachedPeer(id: 8, accessHash: 5, title: "New", resolvedAt: Self.now.addingTimeInterval(1))
        let peer = try XCTUnwrap(try store.cachedPeer(id: 8))
        XCTAssertEqual(peer.accessHash, 5)
        XCTAssertEqual(peer.title, "New")
        XCTAssertNil(try store.cachedPeer(id: 7))
    }

    func governorStateVersionsGrowOnChange() throws {
        let first = try store.updateGovernorState(account: "default", now: Self.now) { stored in
            XCTAssertNil(stored)
            return Data("one".utf8)
        }
        XCTAssertEqual(first.version, 1)
        let same = try store.updateGovernorState(account: "default", now: Self.now) { $0 ?? Data() }
        XCTAssertEqual(same.version, 1)
        let second = try store.updateGovernorState(account: "default", now: Self.now) { _ in Data("two".utf8) }
        XCTAssertEqual(second.version, 2)
        XCTAssertEqual(second.state, Data("two".utf8))
        struct Refused: Error {}
        XCTAssertThrowsError(try store.updateGovernorState(account: "default", now: Self.now) { _ in throw Refused() }) { error in
            XCTAssertTrue(error is Refused)
        }
    }

    func governorStatesAreKeptPerAccount() throws {
        try store.updateGovernorState(account: "default", now: Self.now) { _ in Data("default".utf8) }
        let alice = try store.updateGovernorState(account: "alice", now: Self.now) { stored in
            XCTAssertNil(stored, "a new account starts from nothing, never from another account's state")
            return Data("alice".utf8)
        }
        XCTAssertEqual(alice.version, 1)
        XCTAssertEqual(alice.account, "alice")
        try store.updateGovernorState(account: "alice", now: Self.now) { _ in Data("alice 2".utf8) }
        let untouched = try store.updateGovernorState(account: "default", now: Self.now) { stored in
            XCTAssertEqual(stored, Data("default".utf8))
            return stored ?? Data()
        }
        XCTAssertEqual(untouched.version, 1)
        let bob = try store.updateGovernorState(account: "bob", now: Self.now) { $0 ?? Data("bob".utf8) }
        XCTAssertEqual(bob.state, Data("bob".utf8))
    }

    // MARK: Change feed and watch state

    func sinkCursorsNeverMoveBack() throws {
        XCTAssertEqual(try store.sinkCursor("redis"), 0)
        try store.advanceSinkCursor("redis", to: 5, now: Self.now)
        try store.advanceSinkCursor("redis", to: 3, now: Self.now)
        XCTAssertEqual(try store.sinkCursor("redis"), 5)
        try commit((1...4).map { Self.post($0) }, head: 4)
        let all = try store.changes(after: 0, limit: 10)
        XCTAssertEqual(try store.changes(after: all[1].seq, limit: 1).map(\.messageId), [3])
    }

    func watchPositionsAreKept() throws {
        XCTAssertNil(try store.watchPts(channel: Self.channel.id))
        try store.saveWatchPts(10, channel: Self.channel.id, now: Self.now)
        try store.saveWatchPts(12, channel: Self.channel.id, now: Self.now)
        XCTAssertEqual(try store.watchPts(channel: Self.channel.id), 12)
    }

    // MARK: Media ledger

    func mediaAreQueuedWithTheirPageAndTracked() throws {
        func entry(_ message: Int32, file: Int64) -> MediaEntry {
            MediaEntry(channelId: Self.channel.id, messageId: message, fileId: file, kind: "photo", dc: 2, size: 1_000,
                       mimeType: "image/jpeg", fileName: nil, width: 800, height: 600, duration: nil,
                       location: Data([1, 2, 3]), skipReason: nil, queuedAt: Self.now)
        }
        let page = [Self.post(1), Self.post(2)]
        let first = try store.commitPage(channel: Self.channel, job: Self.job, messages: page, checkpoint: Checkpoint(head: 2),
                                         now: Self.now, media: [entry(1, file: 77), entry(2, file: 77)], peers: PagePeers())
        XCTAssertEqual(first.mediaQueued, 2)
        let again = try store.commitPage(channel: Self.channel, job: Self.job, messages: page, checkpoint: Checkpoint(head: 2),
                                         now: Self.now, media: [entry(1, file: 77)], peers: PagePeers())
        XCTAssertEqual(again.mediaQueued, 0, "a file already queued for its message is not queued twice")
        let next = try XCTUnwrap(try store.nextMedia(channel: Self.channel.id))
        XCTAssertEqual(next.messageId, 1)
        XCTAssertEqual(next.location, Data([1, 2, 3]))
        let id = try XCTUnwrap(next.id)
        try store.recordMediaProgress(id: id, bytes: 400, now: Self.now)
        try store.failMedia(id: id, error: "timeout", maxAttempts: 1, now: Self.now)
        XCTAssertEqual(try store.mediaEntries(status: .failed).map(\.messageId), [1])
        XCTAssertEqual(try store.nextMedia(channel: Self.channel.id)?.messageId, 2)
        XCTAssertEqual(try store.completeMedia(fileID: 77, sha256: "ab", path: "x/77.jpg", newBytes: 1_000, day: "2024-07-03",
                                               now: Self.now), 2)
        XCTAssertNil(try store.nextMedia(channel: Self.channel.id))
        XCTAssertEqual(try store.doneMedia(fileID: 77)?.path, "x/77.jpg")
        try store.countMediaBytes(24, day: "2024-07-03")
        try store.countMediaBytes(5, day: "2024-07-04")
        XCTAssertEqual(try store.mediaBytes(day: "2024-07-03").bytes, 1_024)
        XCTAssertEqual(try store.mediaBytes(day: "2024-07-03").firstDay, "2024-07-03")
        try store.requeueMedia(id: id, reason: "file missing", now: Self.now)
        XCTAssertEqual(try store.mediaEntries(status: .pending).map(\.id), [id])
    }
}
