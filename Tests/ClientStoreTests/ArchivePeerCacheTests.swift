@testable import Archive
import Client
import ClientStore
import Foundation
import SandboxTestSupport
import XCTest

/// Peers resolved in one run are found in the archive by the next: no `contacts.resolveUsername`.
final class ArchivePeerCacheTests: XCTestCase {
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

    /// One run: a new client on the archive resolving `@sandbox_news`, audited into the archive.
    private func run() async throws -> ResolvedPeer {
        let archive = try temporary.open()
        let client = sandbox.client(store: ArchiveClientStateStore(archive: archive), audit: ArchiveAuditSink(archive: archive))
        clients.append(client)
        let peer = try await PeerResolver(invoker: client.invoker, cache: ArchivePeerCache(archive: archive))
            .resolve(.username("Sandbox_News"))
        await client.close()
        return peer
    }

    func testSecondRunResolvesFromTheArchiveWithoutCallingTheServer() async throws {
        sandbox = try await LoopbackSandbox.start()
        let login = sandbox.client(store: ArchiveClientStateStore(archive: try temporary.open()))
        clients.append(login)
        try await login.logIn(phone: "9996621234", code: { "22222" }, password: { "" })
        await login.close()

        let first = try await run()
        let second = try await run()

        XCTAssertEqual(second.id, first.id)
        XCTAssertEqual(second.accessHash, first.accessHash)
        let audit = try temporary.open().auditLog(since: Date(timeIntervalSince1970: 0))
        XCTAssertEqual(audit.filter { $0.method == "contacts.resolveUsername" }.count, 1)
        let byID = try ArchivePeerCache(archive: try temporary.open()).peer(id: first.id)
        XCTAssertEqual(byID?.accessHash, first.accessHash)
    }

    func testRefreshWithoutUsernameUpdatesTheCachedRows() throws {
        let cache = ArchivePeerCache(archive: try temporary.open())
        try cache.store(ResolvedPeer(id: 7, accessHash: 1, title: "Old", username: "chan"), alias: "Chan")
        try cache.store(ResolvedPeer(id: 7, accessHash: 2, title: "New", username: nil), alias: nil)

        XCTAssertEqual(try cache.peer(username: "CHAN")?.accessHash, 2)
        XCTAssertEqual(try cache.peer(id: 7)?.title, "New")
    }

    func testAuditRowsNameErrorsByTheirRPCName() async throws {
        let archive = try temporary.open()
        let sink = ArchiveAuditSink(archive: archive)
        await sink.record(Client.AuditRecord(
            method: "messages.getHistory", started: 1_000, duration: 0.25, error: .floodDeferred(seconds: 600, method: "messages.getHistory"),
            resultCount: nil))
        await sink.record(Client.AuditRecord(method: "auth.signIn", started: 1_001, duration: 0.1, error: .phoneCodeInvalid, resultCount: nil))

        let rows = try archive.auditLog(since: Date(timeIntervalSince1970: 0))
        XCTAssertEqual(rows.map(\.error), ["FLOOD_WAIT_600", "PHONE_CODE_INVALID"])
        XCTAssertEqual(rows.first?.durationMs, 250)
    }
}
