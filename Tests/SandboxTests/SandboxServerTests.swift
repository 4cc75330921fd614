import Foundation
import Logging
import MTProto
import MTProtoCrypto
import MTProtoNIO
import TL
import XCTest
@testable import Sandbox

/// The sandbox served over loopback MTProto, as a client sees it.
final class SandboxServerTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-server-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// A frozen clock one day after genesis, so the served history and the truth are the same moment.
    private var moment: Date { WorldSpec.builtIn.genesis.addingTimeInterval(86_400) }

    private func startServer(faults: SandboxFaults = SandboxFaults()) async throws -> SandboxServer {
        try await SandboxServer.start(SandboxServerOptions(dataDirectory: directory, origin: moment, speed: 0, faults: faults))
    }

    private func connection(to server: SandboxServer, dc: Int = 2) throws -> MTProtoConnection {
        var logger = Logger(label: "tgcron.test.sandbox")
        logger.logLevel = .critical
        let key = try RSAPublicKey(pem: server.manifest.publicKeyPEM)
        let configuration = ConnectionConfiguration(
            dataCenterID: dc, host: server.manifest.host, port: try XCTUnwrap(server.port(dc: dc)),
            transport: .obfuscatedPaddedIntermediate,
            keyExchange: ClientKeyExchangeConfiguration(publicKeys: [key], innerData: .permanent(dc: Int32(dc))),
            connectTimeout: .seconds(5), keyExchangeTimeout: .seconds(10))
        return MTProtoConnection(configuration: configuration, authKeyStorage: InMemoryAuthKeyStorage(), logger: logger)
    }

    func testClientLogsInResolvesAndPagesTheWholeChannelAsTheTruthHoldsIt() async throws {
        let server = try await startServer()
        let connection = try connection(to: server)

        let config = try await connection.invoke(Api.InvokeWithLayer(layer: TLLayer.current, query: Api.InitConnection(
            apiId: 1, deviceModel: "test", systemVersion: "1", appVersion: "1", systemLangCode: "en", langPack: "",
            langCode: "en", query: Api.Help.GetConfig())), timeout: .seconds(20))
        XCTAssertEqual(config.thisDc, 2)
        XCTAssertEqual(Set(config.dcOptions.map { Int($0.port) }), Set(server.manifest.dcs.values))

        let sent = try await connection.invoke(
            Api.Auth.SendCode(phoneNumber: "9996621234", apiId: 1, apiHash: "x", settings: .init()), timeout: .seconds(10))
        guard case .sentCode(let code) = sent else { return XCTFail("unexpected \(sent)") }
        let authorization = try await connection.invoke(
            Api.Auth.SignIn(phoneNumber: "9996621234", phoneCodeHash: code.phoneCodeHash, phoneCode: "22222"),
            timeout: .seconds(10))
        guard case .authorization(let authorized) = authorization, case .user(let me) = authorized.user else {
            return XCTFail("unexpected \(authorization)")
        }
        XCTAssertEqual(me.firstName, "Alice")

        let resolved = try await connection.invoke(Api.Contacts.ResolveUsername(username: "sandbox_news"), timeout: .seconds(10))
        guard case .channel(let channel)? = resolved.chats.first else { return XCTFail("no channel in \(resolved)") }
        let peer = Api.InputPeer.inputPeerChannel(.init(channelId: channel.id, accessHash: channel.accessHash ?? 0))

        var ids: [Int] = []
        var offsetID: Int32 = 0
        while true {
            let page = try await connection.invoke(Api.Messages.GetHistory(
                peer: peer, offsetId: offsetID, offsetDate: 0, addOffset: 0, limit: 100, maxId: 0, minId: 0, hash: 0),
                timeout: .seconds(10))
            guard case .channelMessages(let messages) = page else { return XCTFail("unexpected \(page)") }
            let pageIDs = messages.messages.map(\.sandboxID)
            guard let last = pageIDs.last else { break }
            ids += pageIDs
            offsetID = Int32(last)
        }
        let world = World(spec: .builtIn)
        let truth = try XCTUnwrap(world.channel(username: "sandbox_news"))
        XCTAssertEqual(ids.reversed(), world.truth(channel: truth, at: moment).map(\.sandboxID))
        XCTAssertGreaterThanOrEqual(ids.count, 280)

        await connection.close()
        await server.shutdown()
    }

    func testBusyFaultAnswersWorkerBusyInsteadOfHandling() async throws {
        let server = try await startServer(faults: SandboxFaults(busyProbability: 0.5))
        let connection = try connection(to: server)
        var busy = 0
        var answered = 0
        for _ in 0..<20 {
            do {
                let nearest = try await connection.invoke(Api.Help.GetNearestDc(), timeout: .seconds(5))
                XCTAssertEqual(nearest.thisDc, 2)
                answered += 1
            } catch ConnectionError.rpc(let error) {
                XCTAssertEqual(error, RPCError(code: 500, message: "WORKER_BUSY_TOO_LONG_RETRY"))
                busy += 1
            }
        }
        XCTAssertGreaterThan(busy, 0)
        XCTAssertGreaterThan(answered, 0)
        let counted = await server.busyAnswerCount
        XCTAssertEqual(counted, busy)
        await connection.close()
        await server.shutdown()
    }

    func testTransportFaultsFromTheSpecReachBothDataCenters() async throws {
        let server = try await startServer(faults: SandboxFaults(parsing: "drop=3,delay=2ms"))
        let connection = try connection(to: server)
        for _ in 0..<7 {
            let nearest = try await connection.invoke(Api.Help.GetNearestDc(), timeout: .seconds(5))
            XCTAssertEqual(nearest.thisDc, 2)
        }
        let counts = await server.faultCounts
        XCTAssertGreaterThanOrEqual(counts.delayedReplies, 7)
        XCTAssertGreaterThanOrEqual(counts.droppedConnections, 2)
        await connection.close()
        await server.shutdown()
    }

    func testRestartWithTheSameDataDirectoryReusesTheKey() async throws {
        let first = try await startServer()
        let fingerprint = first.manifest.fingerprint
        await first.shutdown()

        let second = try await startServer()
        XCTAssertEqual(second.manifest.fingerprint, fingerprint)
        XCTAssertEqual(try RSAPublicKey(pem: second.manifest.publicKeyPEM).fingerprint, fingerprint)
        let written = try SandboxManifest.read(from: directory)
        XCTAssertEqual(written, second.manifest)
        await second.shutdown()
    }

    func testKeyFilesAreWrittenWithPrivateKeyReadableOnlyByItsOwner() async throws {
        let server = try await startServer()
        await server.shutdown()
        let attributes = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent("server_key.pem").path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        let publicPEM = try String(contentsOf: directory.appendingPathComponent("server_public.pem"), encoding: .utf8)
        XCTAssertTrue(publicPEM.hasPrefix("-----BEGIN RSA PUBLIC KEY-----"))
        XCTAssertEqual(try RSAPublicKey(pem: publicPEM).fingerprint, server.manifest.fingerprint)
    }

    func testEveryDataCenterListensOnItsOwnPort() async throws {
        let server = try await startServer()
        let ports = [server.port(dc: 1), server.port(dc: 2), server.port(dc: 3)].compactMap { $0 }
        XCTAssertEqual(Set(ports).count, 3)
        let connection = try connection(to: server, dc: 1)
        let nearest = try await connection.invoke(Api.Help.GetNearestDc(), timeout: .seconds(20))
        XCTAssertEqual(nearest.thisDc, 1)
        await connection.close()
        await server.shutdown()
    }
}
