import Foundation
import Logging
import MTProto
import MTProtoCrypto
import MTProtoNIO
import TL
import XCTest
@testable import Sandbox

/// `--session-log`: the server records which account each connection used and when it closed, with the
/// device label its client sent, for checkers outside tgcron.
final class SessionLogTests: XCTestCase {
    func testAConnectionIsLoggedWhenFirstUsedLoggedInAndWhenItCloses() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("session-log-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let logPath = directory.appendingPathComponent("sessions.jsonl").path
        var options = SandboxServerOptions(dataDirectory: directory.appendingPathComponent("data"),
                                           origin: WorldSpec.builtIn.genesis.addingTimeInterval(86_400), speed: 0)
        options.sessionLogPath = logPath
        let server = try await SandboxServer.start(options)

        var logger = Logger(label: "tgcron.test.session-log")
        logger.logLevel = .critical
        let configuration = ConnectionConfiguration(
            dataCenterID: 2, host: server.manifest.host, port: try XCTUnwrap(server.port(dc: 2)),
            transport: .obfuscatedPaddedIntermediate,
            keyExchange: ClientKeyExchangeConfiguration(publicKeys: [try RSAPublicKey(pem: server.manifest.publicKeyPEM)],
                                                        innerData: .permanent(dc: 2)),
            connectTimeout: .seconds(5), keyExchangeTimeout: .seconds(10))
        let connection = MTProtoConnection(configuration: configuration, authKeyStorage: InMemoryAuthKeyStorage(), logger: logger)
        func wrapped<Query: TLFunction>(_ query: Query) -> Api.InvokeWithLayer<Api.InitConnection<Query>> {
            Api.InvokeWithLayer(layer: TLLayer.current, query: Api.InitConnection(
                apiId: 1, deviceModel: "tgcron runner r7", systemVersion: "Linux", appVersion: "1", systemLangCode: "en",
                langPack: "", langCode: "en", query: query))
        }
        let sent = try await connection.invoke(wrapped(
            Api.Auth.SendCode(phoneNumber: "9996623333", apiId: 1, apiHash: "x", settings: .init())), timeout: .seconds(10))
        guard case .sentCode(let code) = sent else { return XCTFail("unexpected \(sent)") }
        XCTAssertEqual(try String(contentsOfFile: logPath, encoding: .utf8), "", "not logged in yet: no account in use")
        _ = try await connection.invoke(wrapped(
            Api.Auth.SignIn(phoneNumber: "9996623333", phoneCodeHash: code.phoneCodeHash, phoneCode: "22222")), timeout: .seconds(10))
        _ = try await connection.invoke(wrapped(Api.Updates.GetState()), timeout: .seconds(10))
        _ = try await connection.invoke(wrapped(Api.Updates.GetState()), timeout: .seconds(10))
        await connection.close()
        var lines: [[String: Any]] = []
        for _ in 0..<100 {
            let text = try String(contentsOfFile: logPath, encoding: .utf8)
            lines = text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            if lines.count >= 2 { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        await server.shutdown()

        XCTAssertEqual(lines.map { $0["event"] as? String }, ["authorized", "closed"])
        let opened = lines[0]
        XCTAssertEqual(opened["device"] as? String, "tgcron runner r7")
        XCTAssertEqual(opened["dc"] as? Int, 2)
        XCTAssertEqual(opened["user"] as? Int64, SandboxAPI(world: World(spec: .builtIn)).userID(phone: "9996623333"))
        XCTAssertNotNil(opened["session"] as? String)
        XCTAssertEqual(opened["conn"] as? Int, lines[1]["conn"] as? Int)
        XCTAssertNil(opened["phone"], "the phone is never logged")
        XCTAssertFalse(try String(contentsOfFile: logPath, encoding: .utf8).contains("9996623333"))
        let mode = try FileManager.default.attributesOfItem(atPath: logPath)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
    }
}
