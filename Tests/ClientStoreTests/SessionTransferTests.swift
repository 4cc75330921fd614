import Archive
import Client
import ClientStore
import SandboxTestSupport
import XCTest

/// A session exported as a string and imported into a fresh archive calls without a new login.
final class SessionTransferTests: XCTestCase {
    private var sandbox: LoopbackSandbox!
    private var clients: [TelegramClient] = []
    private var archives: [TemporaryArchive] = []

    override func tearDown() async throws {
        for client in clients { await client.close() }
        await sandbox?.shutdown()
        for archive in archives { archive.remove() }
    }

    func testExportedSessionImportsIntoAFreshArchiveWithoutLoggingIn() async throws {
        sandbox = try await LoopbackSandbox.start()
        let source = try TemporaryArchive(), target = try TemporaryArchive()
        archives += [source, target]
        let sourceStore = ArchiveClientStateStore(archive: try source.open())
        let first = sandbox.client(store: sourceStore)
        clients.append(first)
        let user = try await first.logIn(phone: "9996621234", code: { "22222" }, password: { "" })
        await first.close()

        let text = try await SessionTransfer.export(from: sourceStore)
        let targetStore = ArchiveClientStateStore(archive: try target.open(), passphrase: "moved")
        try await SessionTransfer.importSession(text, into: targetStore)
        let second = sandbox.client(store: targetStore)
        clients.append(second)

        let me = try await second.me()
        XCTAssertEqual(me.userID, user.userID)
        XCTAssertEqual(me.dc, 2)
        let logins = await sandbox.audit.count("auth.signIn")
        XCTAssertEqual(logins, 1)
    }

    func testExportBeforeLoginIsLoginRequired() async throws {
        let archive = try TemporaryArchive()
        archives.append(archive)
        do {
            _ = try await SessionTransfer.export(from: ArchiveClientStateStore(archive: try archive.open()))
            XCTFail("exported")
        } catch {
            XCTAssertEqual(error as? ClientError, .loginRequired)
        }
    }

    func testBadStringIsATypedErrorWithoutTheInput() async throws {
        let archive = try TemporaryArchive()
        archives.append(archive)
        do {
            try await SessionTransfer.importSession("%%%", into: ArchiveClientStateStore(archive: try archive.open()))
            XCTFail("imported")
        } catch {
            XCTAssertEqual(error as? SessionStringError, .notBase64)
        }
    }
}
