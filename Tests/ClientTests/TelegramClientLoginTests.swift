import SandboxTestSupport
import Client
import MTProto
import Sandbox
import XCTest

/// `TelegramClient` logging in against the sandbox over loopback: the home DC it settles on, the
/// session it saves and the typed failures.
final class TelegramClientLoginTests: XCTestCase {
    private var sandbox: LoopbackSandbox!
    private var client: TelegramClient?

    override func tearDown() async throws {
        await client?.close()
        await sandbox?.shutdown()
    }

    private func start(faults: [InjectedFault] = []) async throws -> (TelegramClient, InMemoryClientStateStore) {
        sandbox = try await LoopbackSandbox.start(faults: faults)
        let store = InMemoryClientStateStore()
        let client = sandbox.client(store: store)
        self.client = client
        return (client, store)
    }

    func testLoginWithCodeSavesHomeDCUserAndDataCenters() async throws {
        let (client, store) = try await start()

        let user = try await client.logIn(phone: "9996621234", code: { "22222" }, password: { XCTFail("no 2FA"); return "" })

        XCTAssertEqual(user.firstName, "Alice")
        let stored = await store.session()
        let session = try XCTUnwrap(stored)
        XCTAssertEqual(session.homeDC, 2)
        XCTAssertEqual(session.userID, user.userID)
        XCTAssertEqual(session.dataCenters.map(\.dc), [1, 2, 3])
        XCTAssertEqual(session.address(dc: 1)?.port, sandbox.port(dc: 1))
        let state = try await client.authorizationState()
        XCTAssertEqual(state, .loggedIn(user))
    }

    func testTwoFactorLoginUsesThePassword() async throws {
        let (client, _) = try await start()
        let user = try await client.logIn(phone: "9996625678", code: { "22222" }, password: { "sandbox-2fa" })
        XCTAssertEqual(user.firstName, "Bob")
    }

    func testPhoneMigrateMovesTheHomeDC() async throws {
        let (client, store) = try await start()

        let user = try await client.logIn(phone: "9996611111", code: { "11111" }, password: { "" })

        XCTAssertEqual(user.dc, 1)
        let home = await store.session()?.homeDC
        XCTAssertEqual(home, 1)
        let me = try await client.me()
        XCTAssertEqual(me.userID, user.userID)
        XCTAssertEqual(me.dc, 1)
    }

    func testFreshSessionIsLoggedOutAndCallsAreLoginRequired() async throws {
        let (client, _) = try await start()

        let state = try await client.authorizationState()
        XCTAssertEqual(state, .loggedOut)
        await XCTAssertThrowsClientError(try await client.me(), .loginRequired)
    }

    func testWrongCodeAndPasswordAreTyped() async throws {
        let (client, _) = try await start()
        await XCTAssertThrowsClientError(
            try await client.logIn(phone: "9996621234", code: { "99999" }, password: { "" }), .phoneCodeInvalid)
        await XCTAssertThrowsClientError(
            try await client.logIn(phone: "9996625678", code: { "22222" }, password: { "wrong" }), .passwordHashInvalid)
    }

    func testFloodWaitOnSendCodeIsDeferredNotSlept() async throws {
        let fault = InjectedFault(method: "auth.sendCode", error: RPCError(code: 420, message: "FLOOD_WAIT_40"))
        let (client, _) = try await start(faults: [fault])

        await XCTAssertThrowsClientError(
            try await client.logIn(phone: "9996621234", code: { "22222" }, password: { "" }),
            .floodDeferred(seconds: 40, method: "auth.sendCode"))
        XCTAssertEqual(sandbox.clock.sleeps, [])
    }
}
