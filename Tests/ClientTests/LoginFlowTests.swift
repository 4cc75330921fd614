import SandboxTestSupport
import Client
import MTProtoNIO
import TL
import XCTest

/// Logging in against the sandbox over loopback: migration, 2FA and the typed failures.
final class LoginFlowTests: XCTestCase {
    /// Connections opened by a login, closed after the test.
    private actor Connections {
        var all: [MTProtoConnection] = []
        func add(_ connection: MTProtoConnection) { all.append(connection) }
    }

    private var sandbox: LoopbackSandbox!
    private let connections = Connections()

    override func setUp() async throws {
        sandbox = try await LoopbackSandbox.start()
    }

    override func tearDown() async throws {
        for connection in await connections.all { await connection.close() }
        await sandbox.shutdown()
    }

    private func flow() -> LoginFlow {
        let sandbox = sandbox!, connections = connections
        return LoginFlow(identity: ClientIdentity(apiID: 1, apiHash: "test")) { dc in
            let connection = sandbox.connection(dc: dc)
            await connections.add(connection)
            return sandbox.invoker(over: connection)
        }
    }

    func testLoginStartedOnTheWrongDCFollowsPhoneMigrate() async throws {
        let user = try await flow().logIn(phone: "9996621234", dc: 1, code: { "22222" }, password: { XCTFail("no 2FA"); return "" })

        XCTAssertEqual(user.dc, 2)
        XCTAssertEqual(user.firstName, "Alice")
    }

    func testTwoFactorAccountLogsInWithThePassword() async throws {
        let user = try await flow().logIn(phone: "9996625678", dc: 2, code: { "22222" }, password: { "sandbox-2fa" })
        XCTAssertEqual(user.firstName, "Bob")
    }

    func testWrongCodeIsPhoneCodeInvalid() async {
        await XCTAssertThrowsClientError(
            try await flow().logIn(phone: "9996621234", dc: 2, code: { "11111" }, password: { "" }), .phoneCodeInvalid)
    }

    func testWrongPasswordIsPasswordHashInvalid() async {
        await XCTAssertThrowsClientError(
            try await flow().logIn(phone: "9996625678", dc: 2, code: { "22222" }, password: { "wrong" }), .passwordHashInvalid)
    }

    func testBannedNumberIsPhoneNumberBanned() async {
        await XCTAssertThrowsClientError(
            try await flow().logIn(phone: "9996620000", dc: 2, code: { "22222" }, password: { "" }), .phoneNumberBanned)
    }
}
