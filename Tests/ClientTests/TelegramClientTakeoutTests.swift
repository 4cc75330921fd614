import SandboxTestSupport
import Client
import MTProto
import Sandbox
import TL
import XCTest

/// Takeout through `TelegramClient`: one `account.initTakeoutSession`, every call wrapped, a stale session
/// replaced, and the typed deferral when Telegram asks to wait.
final class TelegramClientTakeoutTests: XCTestCase {
    private var sandbox: LoopbackSandbox!
    private var clients: [TelegramClient] = []

    override func tearDown() async throws {
        for client in clients { await client.close() }
        await sandbox?.shutdown()
    }

    private func loggedIn(faults: [InjectedFault] = []) async throws -> InMemoryClientStateStore {
        sandbox = try await LoopbackSandbox.start(faults: faults)
        let store = InMemoryClientStateStore()
        let login = sandbox.client(store: store)
        clients.append(login)
        try await login.logIn(phone: "9996621234", code: { "22222" }, password: { "" })
        await login.close()
        return store
    }

    func testTakeoutStartsOnceAndWrapsEveryCall() async throws {
        let store = try await loggedIn()
        let client = sandbox.client(store: store, takeout: true)
        clients.append(client)

        let peer = try await PeerResolver(invoker: client.invoker, cache: InMemoryPeerCache()).resolve(.username("sandbox_news"))
        var ids: [Int] = []
        for try await page in HistoryPages(invoker: client.invoker, request: HistoryRequest(peer: peer.inputPeer, direction: .oldestFirst)) {
            ids += page.messages.map(\.messageID)
        }

        XCTAssertEqual(ids, sandbox.truthIDs("sandbox_news"))
        let starts = await sandbox.audit.count("account.initTakeoutSession")
        XCTAssertEqual(starts, 1)
        let takeoutID = await store.session()?.takeoutID
        XCTAssertNotNil(takeoutID)
    }

    func testAStoredTakeoutTheServerNoLongerKnowsIsReplacedOnce() async throws {
        let store = try await loggedIn()
        let stored = await store.session()
        var session = try XCTUnwrap(stored)
        session.takeoutID = 42
        await store.saveSession(session)
        let client = sandbox.client(store: store, takeout: true)
        clients.append(client)

        // The stored id is sent first (the sandbox answers TAKEOUT_INVALID), then a new session is opened.
        _ = try await client.invoker.invoke(Api.Contacts.ResolveUsername(username: "sandbox_news"))
        _ = try await client.invoker.invoke(Api.Contacts.ResolveUsername(username: "sandbox_news"))

        let starts = await sandbox.audit.count("account.initTakeoutSession")
        XCTAssertEqual(starts, 1)
        let takeoutID = await store.session()?.takeoutID
        XCTAssertNotNil(takeoutID)
        XCTAssertNotEqual(takeoutID, 42)
    }

    func testTakeoutInitDelayIsATypedDeferral() async throws {
        let store = try await loggedIn(faults: [.takeoutInitDelay(86_400)])
        let client = sandbox.client(store: store, takeout: true)
        clients.append(client)

        await XCTAssertThrowsClientError(
            try await client.invoker.invoke(Api.Contacts.ResolveUsername(username: "sandbox_news")), .takeoutDelayed(seconds: 86_400))
        let takeoutID = await store.session()?.takeoutID
        XCTAssertNil(takeoutID)
    }
}
