import SandboxTestSupport
import Client
import MTProtoNIO
import Timekeeping
import XCTest

/// Reading through `TelegramClient` while the server drops the connection every 7 requests and
/// rotates its salt: the history read equals the truth, nothing lost or repeated.
final class TelegramClientRecoveryTests: XCTestCase {
    private var sandbox: LoopbackSandbox!
    private var client: TelegramClient?

    override func tearDown() async throws {
        await client?.close()
        await sandbox?.shutdown()
    }

    func testFullHistoryWithDropsEverySevenRequestsAndSaltRotationEqualsTheTruth() async throws {
        sandbox = try await LoopbackSandbox.start(
            serverFaults: ServerFaults(dropConnectionEvery: 7, saltRotation: .milliseconds(150), seed: 7))
        let client = sandbox.client(store: InMemoryClientStateStore())
        self.client = client
        try await client.logIn(phone: "9996621234", code: { "22222" }, password: { "" })
        let peer = try await PeerResolver(invoker: client.invoker, cache: InMemoryPeerCache()).resolve(.username("sandbox_news"))

        var ids: [Int] = []
        let request = HistoryRequest(peer: peer.inputPeer, direction: .newestFirst, pageSize: 10)
        for try await page in HistoryPages(invoker: client.invoker, request: request) {
            ids += page.messages.map(\.messageID)
        }

        XCTAssertGreaterThan(ids.count / 10, 14, "enough pages to cross several drops")
        XCTAssertEqual(ids, sandbox.truthIDs("sandbox_news").reversed())
    }

    func testConnectionFailuresOfReadsAreRetriedWithJitteredBackoffButWritesAreNot() async throws {
        let clock = SimulatedProgramClock(now: 0)
        let dropped = ClientError.connection(.network("connection reset"))
        let reads = ScriptedInvoker([.failure(dropped), .failure(dropped), .answer(nearestDc)])
        let retry = RetryMiddleware(next: reads, clock: clock, initialDelay: 1, jitter: 0.5)

        _ = try await retry.invoke(anyCall)

        XCTAssertEqual(clock.sleeps.count, 2)
        XCTAssertTrue((0.5...1).contains(clock.sleeps[0]) && (1...2).contains(clock.sleeps[1]), "\(clock.sleeps)")
        XCTAssertFalse(RetryMiddleware.isTransient(dropped, method: "auth.signIn"))
        XCTAssertFalse(RetryMiddleware.isTransient(ClientError.connection(.closed), method: "messages.getHistory"))
    }
}
