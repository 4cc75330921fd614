import SandboxTestSupport
import Client
import Foundation
import MTProtoNIO
import XCTest

/// A full 2FA login and history read with every connection logging at `.trace`: nothing secret
/// reaches the log.
final class SecretsNotLoggedTests: XCTestCase {
    private var sandbox: LoopbackSandbox!
    private var client: TelegramClient?

    override func tearDown() async throws {
        await client?.close()
        await sandbox?.shutdown()
    }

    func testLoginAndHistoryLogNoSecrets() async throws {
        let phone = "9996625678", code = "22222", password = "sandbox-2fa", apiHash = "a1b2c3d4e5f60718293a4b5c6d7e8f90"
        sandbox = try await LoopbackSandbox.start()
        let capture = LogCapture()
        let store = InMemoryClientStateStore()
        var configuration = sandbox.clientConfiguration(identity: ClientIdentity(apiID: 1, apiHash: apiHash))
        configuration.takeout = true
        let client = TelegramClient(configuration: configuration, sessionStore: store, logger: capture.logger(label: "test.secrets"))
        self.client = client

        try await client.logIn(phone: phone, code: { code }, password: { password })
        let peer = try await PeerResolver(invoker: client.invoker, cache: InMemoryPeerCache()).resolve(.username("sandbox_news"))
        for try await _ in HistoryPages(invoker: client.invoker, request: HistoryRequest(peer: peer.inputPeer, direction: .newestFirst)) {}
        await client.close()

        let log = capture.text
        XCTAssertFalse(log.isEmpty, "the connections logged at trace")
        let stored = await store.authKey(forDataCenter: 2)
        let key = try XCTUnwrap(stored).authKey
        let keyHex = key.map { String(format: "%02x", $0) }.joined()
        let sessionString = try await SessionString.export(from: store).text
        for secret in [keyHex, String(keyHex.prefix(32)), keyHex.uppercased(), sessionString, password, apiHash, phone] {
            XCTAssertFalse(log.contains(secret), "a secret reached the log")
        }
        let tokens = Set(log.split { !$0.isLetter && !$0.isNumber }.map(String.init))
        XCTAssertFalse(tokens.contains(code), "the login code reached the log")
        XCTAssertFalse(log.contains(key.map(String.init).joined(separator: ", ")), "the key's bytes reached the log")
    }
}
