import Foundation
import XCTest
@testable import Archive

/// Runs, audit log, sessions, the peer cache and the governor's state.
final class StoreRecordsTests: XCTestCase {
    func testARunIsRecordedFromStartToEnd() throws {
        let store = try Fixtures.store(self)

        let id = try store.beginRun(job: "nightly", channel: 1_001, startedAt: Fixtures.now)
        XCTAssertEqual(try store.lastRun(job: "nightly", channel: 1_001)?.status, .running)
        try store.finishRun(id: id, outcome: RunOutcome(status: .succeeded, endedAt: Fixtures.now.addingTimeInterval(5),
                                                        messagesNew: 100, messagesUpdated: 3, requests: 2))

        let run = try XCTUnwrap(try store.lastRun(job: "nightly", channel: 1_001))
        XCTAssertEqual(run.status, .succeeded)
        XCTAssertEqual(run.messagesNew, 100)
        XCTAssertEqual(run.messagesUpdated, 3)
        XCTAssertEqual(run.endedAt, Fixtures.now.addingTimeInterval(5))
    }

    func testRunsLeftRunningByADeadProcessAreMarkedInterrupted() throws {
        let store = try Fixtures.store(self)
        _ = try store.beginRun(job: "nightly", channel: 1_001, startedAt: Fixtures.now)
        let later = Fixtures.now.addingTimeInterval(600)

        let marked = try store.markInterruptedRuns(at: later)

        XCTAssertEqual(marked, 1)
        XCTAssertEqual(try store.lastRun(job: "nightly", channel: 1_001)?.status, .interrupted)
        XCTAssertEqual(try store.lastRun(job: "nightly", channel: 1_001)?.endedAt, later)
    }

    func testTheAuditLogKeepsCallsInOrder() throws {
        let store = try Fixtures.store(self)
        let calls = [
            AuditRecord(time: Fixtures.now, method: "contacts.resolveUsername", peer: "@tgcron_news", count: 1, durationMs: 80),
            AuditRecord(time: Fixtures.now.addingTimeInterval(1), method: "messages.getHistory", peer: "channel:1001",
                        count: 100, durationMs: 120, error: "FLOOD_WAIT_3"),
        ]

        try store.appendAudit(calls)

        let logged = try store.auditLog(since: Fixtures.now)
        XCTAssertEqual(logged.map(\.method), ["contacts.resolveUsername", "messages.getHistory"])
        XCTAssertEqual(logged.last?.error, "FLOOD_WAIT_3")
        XCTAssertEqual(try store.auditLog(since: Fixtures.now.addingTimeInterval(1)).count, 1)
    }

    func testASessionKeepsItsAuthKeysPerDCUntilDeleted() throws {
        let store = try Fixtures.store(self)
        let key = Data((0..<256).map { UInt8($0) })
        try store.saveSession(SessionRecord(name: "default", homeDc: 2, userId: 42, dcOptions: Data([1, 2]), updatedAt: Fixtures.now))
        try store.saveAuthKey(
            AuthKeyRecord(session: "default", dcId: 2, authKey: key, salts: Data([9]), updatedAt: Fixtures.now), creatingSessionWithHomeDc: 2)
        try store.saveAuthKey(
            AuthKeyRecord(session: "default", dcId: 4, authKey: Data(key.reversed()), updatedAt: Fixtures.now), creatingSessionWithHomeDc: 2)
        try store.saveSession(SessionRecord(name: "default", homeDc: 4, userId: 42, takeoutId: 7, updatedAt: Fixtures.now))

        XCTAssertEqual(try store.session(named: "default")?.homeDc, 4)
        XCTAssertEqual(try store.session(named: "default")?.takeoutId, 7)
        XCTAssertEqual(try store.authKeys(session: "default").map(\.dcId), [2, 4])
        XCTAssertEqual(try store.authKeys(session: "default").first?.authKey, key)

        XCTAssertTrue(try store.deleteSession(named: "default"))
        XCTAssertNil(try store.session(named: "default"))
        XCTAssertEqual(try store.authKeys(session: "default"), [])
    }

    func testAnAuthKeySavedBeforeItsSessionCreatesTheSessionOnItsHomeDC() throws {
        let store = try Fixtures.store(self)

        try store.saveAuthKey(AuthKeyRecord(session: "new", dcId: 4, authKey: Data([1]), updatedAt: Fixtures.now), creatingSessionWithHomeDc: 4)

        XCTAssertEqual(try store.session(named: "new")?.homeDc, 4)
        XCTAssertEqual(try store.authKey(session: "new", dc: 4)?.authKey, Data([1]))
    }

    func testResolvedUsernamesAreCachedCaseInsensitively() throws {
        let store = try Fixtures.store(self)

        try store.cachePeer(PeerRecord(username: "TgCron_News", peerId: 1_001, accessHash: 77, title: "tgcron News", resolvedAt: Fixtures.now))

        XCTAssertEqual(try store.cachedPeer(username: "tgcron_news")?.peerId, 1_001)
        XCTAssertNil(try store.cachedPeer(username: "other"))
    }

    func testTheGovernorStateIsVersionedAndUpdatedInOneTransaction() throws {
        let store = try Fixtures.store(self)
        XCTAssertNil(try store.governorState(account: "default"))

        let first = try store.updateGovernorState(account: "default", now: Fixtures.now) { old in
            XCTAssertNil(old)
            return Data("{\"tokens\":1}".utf8)
        }
        let unchanged = try store.updateGovernorState(account: "default", now: Fixtures.now) { old in try XCTUnwrap(old) }
        let second = try store.updateGovernorState(account: "default", now: Fixtures.now) { _ in Data("{\"tokens\":2}".utf8) }

        XCTAssertEqual(first.version, 1)
        XCTAssertEqual(unchanged.version, 1)
        XCTAssertEqual(second.version, 2)
        XCTAssertEqual(try store.governorState(account: "default")?.state, Data("{\"tokens\":2}".utf8))
    }

    func testAFailingGovernorTransformSavesNothing() throws {
        struct Refused: Error {}
        let store = try Fixtures.store(self)
        try store.updateGovernorState(account: "default", now: Fixtures.now) { _ in Data([1]) }

        XCTAssertThrowsError(try store.updateGovernorState(account: "default", now: Fixtures.now) { _ in throw Refused() }) { error in
            XCTAssertTrue(error is Refused)
        }
        XCTAssertEqual(try store.governorState(account: "default")?.state, Data([1]))
        XCTAssertEqual(try store.governorState(account: "default")?.version, 1)
    }
}
