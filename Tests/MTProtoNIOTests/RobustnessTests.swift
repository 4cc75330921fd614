import MTProto
import MTProtoCrypto
import MTProtoNIO
import MTProtoTransport
import TL
import XCTest

/// Garbage on the wire ends the connection it came on, never the process or other connections.
final class RobustnessTests: XCTestCase {
    func testServerClosesAConnectionSendingGarbageAndServesOthers() async throws {
        let server = try await Fixtures.server()
        let http = Array("GET / HTTP/1.1\r\nHost: dc\r\n\r\n".utf8)
        let oversizeAbridged: [UInt8] = [0xef, 0x7f, 0xff, 0xff, 0xff] + Array(repeating: 0, count: 64)

        for garbage in [http, oversizeAbridged, Array(repeating: 0x42, count: 100)] {
            let answered = try await withDeadline(seconds: 2) { try await sendRaw(garbage, toPort: server.port) }
            XCTAssertEqual(answered, 0)
        }
        let connection = Fixtures.connection(port: server.port)
        let nearest = try await connection.invoke(Api.Help.GetNearestDc(), timeout: .seconds(5))

        XCTAssertEqual(nearest, TestService.nearestDc)
        try await waitUntil { await server.connectionCount == 1 }
        await connection.close()
        await server.shutdown()
    }

    func testOversizeFrameFromServerIsReportedAndFailsPendingCalls() async throws {
        // An abridged header announcing 64 MiB, above the 16 MiB limit.
        let server = try await ScriptedServer.start(reply: [0x7f, 0xff, 0xff, 0xff])
        let connection = Fixtures.connection(port: server.port, transport: .plain(.abridged))
        let recorder = EventRecorder()
        await recorder.record(connection)

        do {
            _ = try await connection.invoke(Api.Help.GetNearestDc(), timeout: .seconds(5))
            XCTFail("expected a transport error")
        } catch ConnectionError.transport(.frameTooLarge(let length)) {
            XCTAssertEqual(length, 0xffffff * 4)
        }

        await connection.close()
        await recorder.waitForEnd()
        let events = await recorder.events
        let tooLarge = ConnectionError.transport(.frameTooLarge(0xffffff * 4))
        XCTAssertEqual(events.filter { $0 == .disconnected(tooLarge) }.count, Fixtures.fastReconnect.maximumFailedAttempts)
        XCTAssertEqual(events.suffix(2), [.suspended(tooLarge), .stopped])
        await server.stop()
    }

    func testUndecryptablePacketDropsTheLink() async throws {
        // Intermediate frame of 64 bytes that no key decrypts (its auth_key_id is not the client's).
        let server = try await ScriptedServer.start(reply: [64, 0, 0, 0] + Array(repeating: 0x5a, count: 64))
        var random = SystemRandom()
        let storage = InMemoryAuthKeyStorage([Fixtures.dataCenterID: StoredAuthKey(authKey: random.bytes(256), salt: 7, timeOffset: 0)])
        let connection = Fixtures.connection(port: server.port, storage: storage)

        do {
            _ = try await connection.invoke(Api.Help.GetNearestDc(), timeout: .seconds(5))
            XCTFail("expected a protocol error")
        } catch ConnectionError.protocol(.decryptionFailed) {}

        await connection.close()
        await server.stop()
    }

    func testSilentServerFailsTheKeyExchangeAsUnresponsive() async throws {
        let server = try await ScriptedServer.start(reply: nil)
        let connection = Fixtures.connection(port: server.port, keyExchangeTimeout: .milliseconds(100))

        do {
            _ = try await connection.invoke(Api.Help.GetNearestDc(), timeout: .seconds(5))
            XCTFail("expected .unresponsive")
        } catch ConnectionError.unresponsive {}

        await connection.close()
        await server.stop()
    }

    func testUnreachableServerFailsCallsAndTheNextCallTriesAgain() async throws {
        let server = try await ScriptedServer.start(reply: nil)
        let port = server.port
        await server.stop()
        let connection = Fixtures.connection(port: port)
        let recorder = EventRecorder()
        await recorder.record(connection)

        for _ in 0..<2 {
            do {
                _ = try await connection.invoke(Api.Help.GetNearestDc(), timeout: .seconds(5))
                XCTFail("expected a network error")
            } catch ConnectionError.network {}
        }

        await connection.close()
        await recorder.waitForEnd()
        let attempts = await recorder.count { if case .disconnected = $0 { true } else { false } }
        XCTAssertEqual(attempts, 2 * (Fixtures.fastReconnect.maximumFailedAttempts ?? 0))
    }
}
