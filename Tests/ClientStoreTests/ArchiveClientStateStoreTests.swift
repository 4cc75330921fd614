@testable import Archive
import Client
import ClientStore
import Foundation
import MTProto
import SandboxTestSupport
import TL
import XCTest

/// The login kept in an archive file: a second client on the same file calls without logging in,
/// the file is private, and auth keys can be encrypted at rest.
final class ArchiveClientStateStoreTests: XCTestCase {
    private var sandbox: LoopbackSandbox!
    private var clients: [TelegramClient] = []
    private var temporary: TemporaryArchive!

    override func setUp() async throws {
        temporary = try TemporaryArchive()
    }

    override func tearDown() async throws {
        for client in clients { await client.close() }
        await sandbox?.shutdown()
        temporary.remove()
    }

    private func client(_ store: ArchiveClientStateStore) -> TelegramClient {
        let client = sandbox.client(store: store)
        clients.append(client)
        return client
    }

    func testLoginPersistsAndAFreshClientOnTheSameFileCallsWithoutLoggingIn() async throws {
        sandbox = try await LoopbackSandbox.start()
        let first = client(ArchiveClientStateStore(archive: try temporary.open()))
        let user = try await first.logIn(phone: "9996621234", code: { "22222" }, password: { "" })
        await first.close()

        let mode = try FileManager.default.attributesOfItem(atPath: temporary.path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
        let reopened = ArchiveClientStateStore(archive: try temporary.open())
        let session = try reopened.session()
        XCTAssertEqual(session?.homeDC, 2)
        XCTAssertEqual(session?.userID, user.userID)
        XCTAssertEqual(session?.dataCenters.map(\.dc), [1, 2, 3])

        let second = client(reopened)
        let me = try await second.me()
        XCTAssertEqual(me.userID, user.userID)
        let logins = await sandbox.audit.count("auth.signIn")
        XCTAssertEqual(logins, 1)
    }

    func testAnotherDCsKeyIsKeptInTheArchiveSoAFreshClientDownloadsThereWithoutATransfer() async throws {
        sandbox = try await LoopbackSandbox.start()
        let first = client(ArchiveClientStateStore(archive: try temporary.open()))
        _ = try await first.logIn(phone: "9996621234", code: { "22222" }, password: { "" })
        let files = try await mediaLocations(first, dc: 3, count: 2)
        try await first.download(files[0], to: DiscardingSink())
        await first.close()

        let reopened = ArchiveClientStateStore(archive: try temporary.open())
        XCTAssertNotNil(try reopened.authKey(forDataCenter: 3), "DC 3's key is stored like the home DC's")
        let second = client(reopened)
        try await second.download(files[1], to: DiscardingSink())

        let transfers = await sandbox.audit.count("auth.exportAuthorization")
        XCTAssertEqual(transfers, 1, "the stored DC 3 key is still logged in")
    }

    /// The first `count` files of @sandbox_media on DC `dc` under 1 MiB.
    private func mediaLocations(_ client: TelegramClient, dc: Int, count: Int) async throws -> [FileLocation] {
        let channel = try XCTUnwrap(sandbox.world.channel(username: "sandbox_media"))
        let answer = try await client.invoker.invoke(Api.Channels.GetMessages(
            channel: .inputChannel(.init(channelId: channel.id, accessHash: channel.accessHash)),
            id: (1...60).map { .inputMessageID(.init(id: Int32($0))) }))
        let locations = answer.messageList.compactMap { message -> FileLocation? in
            guard case .message(let value) = message, let media = value.media else { return nil }
            return FileLocation(media: media)
        }.filter { $0.dc == dc && $0.size < 1 << 20 }
        XCTAssertGreaterThanOrEqual(locations.count, count)
        return Array(locations.prefix(count))
    }

    func testEncryptedKeysRoundTripAndNeverSitInTheFileInTheClear() throws {
        let archive = try temporary.open()
        let key = StoredAuthKey(authKey: (0..<256).map { UInt8(truncatingIfNeeded: $0 * 31 + 5) }, salt: -77, timeOffset: 3)
        let store = ArchiveClientStateStore(archive: archive, cipher: AuthKeyCipher(passphrase: "correct horse", iterations: 1_000))

        try store.save(key, forDataCenter: 2)

        XCTAssertEqual(try store.authKey(forDataCenter: 2), key)
        let raw = try XCTUnwrap(try archive.authKey(session: ArchiveClientStateStore.defaultName, dc: 2)).authKey
        XCTAssertNotEqual([UInt8](raw).suffix(256), key.authKey[...])
        XCTAssertFalse(raw.range(of: Data(key.authKey.prefix(32))) != nil, "the key is stored in the clear")
    }

    func testWrongOrMissingPassphraseIsATypedError() throws {
        let archive = try temporary.open()
        let key = StoredAuthKey(authKey: Array(repeating: 9, count: 256), salt: 1, timeOffset: 0)
        try ArchiveClientStateStore(archive: archive, cipher: AuthKeyCipher(passphrase: "right", iterations: 1_000)).save(key, forDataCenter: 1)

        XCTAssertThrowsError(
            try ArchiveClientStateStore(archive: archive, cipher: AuthKeyCipher(passphrase: "wrong", iterations: 1_000)).authKey(forDataCenter: 1)
        ) { error in
            XCTAssertEqual(error as? SessionStoreError, .wrongPassphrase)
            XCTAssertFalse("\(error)".contains("wrong\""))
        }
        XCTAssertThrowsError(try ArchiveClientStateStore(archive: archive).authKey(forDataCenter: 1)) { error in
            XCTAssertEqual(error as? SessionStoreError, .passphraseRequired)
            XCTAssertTrue("\(error)".contains("TGCRON_SESSION_PASSPHRASE"))
        }
    }

    func testPlainKeysAreStillReadWithAPassphrase() throws {
        let archive = try temporary.open()
        let key = StoredAuthKey(authKey: Array(repeating: 4, count: 256), salt: 2, timeOffset: -1)
        try ArchiveClientStateStore(archive: archive).save(key, forDataCenter: 2)

        let encrypted = ArchiveClientStateStore(archive: archive, cipher: AuthKeyCipher(passphrase: "p", iterations: 1_000))
        XCTAssertEqual(try encrypted.authKey(forDataCenter: 2), key)
        try encrypted.removeAuthKey(forDataCenter: 2)
        XCTAssertNil(try encrypted.authKey(forDataCenter: 2))
    }

    func testARetiredKeyIsKeptAsideAndTheSessionNeedsALoginUntilCleared() throws {
        let archive = try temporary.open()
        let store = ArchiveClientStateStore(archive: archive)
        let key = StoredAuthKey(authKey: Array(repeating: 5, count: 256), salt: 3, timeOffset: 0)
        try store.save(key, forDataCenter: 2)

        try store.removeAuthKey(forDataCenter: 2)

        XCTAssertNil(try store.authKey(forDataCenter: 2))
        XCTAssertEqual(try archive.retiredAuthKeys(session: store.name).map { [UInt8]($0.authKey) }, [key.authKey])
        XCTAssertTrue(try XCTUnwrap(archive.loginNeeded(session: store.name)).reason.contains("-404"))
        try archive.clearLoginNeeded(session: store.name)
        XCTAssertNil(try archive.loginNeeded(session: store.name))
    }

    func testVerifyingKeysEncryptsPlainOnesAtOnceAndRefusesAWrongPassphrase() throws {
        let archive = try temporary.open()
        let key = StoredAuthKey(authKey: Array(repeating: 6, count: 256), salt: 1, timeOffset: 0)
        try ArchiveClientStateStore(archive: archive).save(key, forDataCenter: 2)
        let encrypted = ArchiveClientStateStore(archive: archive, cipher: AuthKeyCipher(passphrase: "p", iterations: 1_000))

        XCTAssertEqual(try encrypted.verifyKeys(), 1)

        XCTAssertTrue(try archive.authKeys(session: encrypted.name).allSatisfy { $0.authKey.starts(with: Array("TGCRONE1".utf8)) })
        XCTAssertEqual(try encrypted.verifyKeys(), 0)
        let wrong = ArchiveClientStateStore(archive: archive, cipher: AuthKeyCipher(passphrase: "q", iterations: 1_000))
        XCTAssertThrowsError(try wrong.verifyKeys()) { XCTAssertEqual($0 as? SessionStoreError, .wrongPassphrase) }
        XCTAssertThrowsError(try ArchiveClientStateStore(archive: archive).verifyKeys()) {
            XCTAssertEqual($0 as? SessionStoreError, .passphraseRequired)
        }
    }

    func testEncryptedLoginWorksEndToEnd() async throws {
        sandbox = try await LoopbackSandbox.start()
        let cipher = AuthKeyCipher(passphrase: "sesame", iterations: 1_000)
        let first = client(ArchiveClientStateStore(archive: try temporary.open(), cipher: cipher))
        try await first.logIn(phone: "9996621234", code: { "22222" }, password: { "" })
        await first.close()

        let second = client(ArchiveClientStateStore(archive: try temporary.open(), cipher: cipher))
        let state = try await second.authorizationState()
        guard case .loggedIn = state else { return XCTFail("\(state)") }
    }
}

/// Drops the bytes: for tests about where a download goes, not what it holds.
private struct DiscardingSink: DownloadSink {
    func write(_ bytes: ArraySlice<UInt8>, at offset: Int64) async throws {}
}
