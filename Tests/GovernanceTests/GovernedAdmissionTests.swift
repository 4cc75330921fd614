import Client
import Foundation
import Governance
import Governor
import MTProto
import Sandbox
import SandboxTestSupport
import TL
import Timekeeping
import XCTest

final class GovernedAdmissionTests: XCTestCase {
    /// Counts the transactions run on an in-memory state: one per governor call.
    private final class CountingStore: GovernorStateStore, @unchecked Sendable {
        private let inner = InMemoryGovernorStateStore()
        private let lock = NSLock()
        private var count = 0
        var transactions: Int { lock.withLock { count } }

        func update<Result>(_ body: (inout GovernorState) -> Result) -> Result {
            lock.withLock { count += 1 }
            return inner.update(body)
        }
    }

    /// A store whose lock can never be taken.
    private struct LockedStore: GovernorStateStore {
        func update<Result>(_ body: (inout GovernorState) -> Result) throws(GovernorStoreError) -> Result {
            throw .lockFailed(location: "test.sqlite", reason: "held elsewhere")
        }
    }

    private static var configuration: GovernorConfiguration {
        var configuration = GovernorConfiguration()
        configuration.humanDelayMin = 0.5
        configuration.humanDelayMax = 0.5
        configuration.accountWarmUp = nil
        return configuration
    }

    private func historyCall(_ sandbox: InProcessSandbox) throws -> Api.Messages.GetHistory {
        let channel = try XCTUnwrap(sandbox.world.channel(username: "sandbox_news"))
        return Api.Messages.GetHistory(
            peer: .inputPeerChannel(.init(channelId: channel.id, accessHash: channel.accessHash)),
            offsetId: 0, offsetDate: 0, addOffset: 0, limit: 1, maxId: 0, minId: 0, hash: 0)
    }

    func testAFloodWaitReachesTheGovernorOnceAndSlowsTheRetry() async throws {
        let sandbox = InProcessSandbox()
        try await sandbox.logInAlice()
        await sandbox.inject(InjectedFault(method: "messages.getHistory", error: RPCError(code: 420, message: "FLOOD_WAIT_20")))
        let store = CountingStore()
        let governor = try RateGovernor(configuration: Self.configuration, store: store)
        let admission = GovernedAdmission(governor: governor, job: "news", maxWait: .seconds(60), clock: sandbox.clock)
        let floods = RecordingFloodObserver()
        let invoker = InvocationPipeline(admission: admission, floodObserver: floods, clock: sandbox.clock)
            .wrap(sandbox.terminal())

        _ = try await invoker.invoke(try historyCall(sandbox))

        // admit, flood wait, admit again, success: one transaction each, so the wait was recorded once.
        XCTAssertEqual(store.transactions, 4)
        let observed = await floods.waits.count
        XCTAssertEqual(observed, 1)
        // The first call goes at once; the 20 s flood wait; then a fresh token at the halved rate (1 / 0.48 s),
        // which is longer than the 0.5 s minimum gap, so the gap adds nothing to it.
        let sleeps = sandbox.clock.sleeps
        XCTAssertEqual(sleeps.count, 2)
        XCTAssertEqual(sleeps.first ?? 0, 20, accuracy: 1e-9)
        XCTAssertEqual(sleeps.last ?? 0, 1 / 0.48, accuracy: 1e-6)
    }

    func testACoolDownBeyondTheMaximumWaitDefersWithItsReason() async throws {
        let sandbox = InProcessSandbox()
        try await sandbox.logInAlice()
        let governor = try RateGovernor(configuration: Self.configuration, store: InMemoryGovernorStateStore())
        let admission = GovernedAdmission(governor: governor, job: "news", maxWait: .seconds(60), clock: sandbox.clock)
        let now = Date(timeIntervalSince1970: sandbox.clock.now())
        try governor.recordFloodWait(.history, seconds: 600, at: now)
        let invoker = InvocationPipeline(admission: admission, clock: sandbox.clock).wrap(sandbox.terminal())

        do {
            _ = try await invoker.invoke(try historyCall(sandbox))
            XCTFail("the call should have been deferred")
        } catch ClientError.deferred(let method, let reason) {
            XCTAssertEqual(method, "messages.getHistory")
            XCTAssertEqual(reason, .coolDown(until: now.addingTimeInterval(600)))
            XCTAssertTrue(reason.description.hasPrefix("cooling down after FLOOD_WAIT until "), reason.description)
        }
        let served = await sandbox.requestCount()
        XCTAssertEqual(served, 2)  // the login's two calls only
    }

    func testAStoreThatFailsDefersTheCallAndKeepsTheRecordingFailure() async throws {
        let clock = SimulatedProgramClock(now: 1_750_000_000)
        let governor = try RateGovernor(configuration: Self.configuration, store: LockedStore())
        let admission = GovernedAdmission(governor: governor, job: nil, maxWait: .seconds(60), clock: clock)

        do {
            _ = try await admission.admit(method: "messages.getHistory")
            XCTFail("admission should have failed")
        } catch {
            XCTAssertEqual(error as? GovernorStoreError, .lockFailed(location: "test.sqlite", reason: "held elsewhere"))
        }
        await admission.completed(method: "messages.getHistory", outcome: .floodWait(seconds: 5))

        let failure = await admission.recordingFailure
        XCTAssertEqual(failure, .lockFailed(location: "test.sqlite", reason: "held elsewhere"))
    }
}
