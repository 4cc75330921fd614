import MTProto
import MTProtoCrypto
import MTProtoNIO
import TL
import XCTest

/// Losing the link: calls are resent after reconnecting, and the auth key is kept.
final class ReconnectTests: XCTestCase {
    func testCallsCompleteWhileTheServerDropsTheConnectionEverySevenRequests() async throws {
        let server = try await Fixtures.server(faults: ServerFaults(dropConnectionEvery: 7))
        let connection = Fixtures.connection(port: server.port)
        let recorder = EventRecorder()
        await recorder.record(connection)

        for index in 0..<100 {
            let file = try await connection.invoke(Fixtures.getFile(offset: Int64(index), limit: 32), timeout: .seconds(5))
            XCTAssertEqual(Fixtures.bytes(of: file), Fixtures.pattern(offset: Int64(index), count: 32))
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 100..<150 {
                group.addTask {
                    let file = try await connection.invoke(Fixtures.getFile(offset: Int64(index), limit: 48), timeout: .seconds(10))
                    XCTAssertEqual(Fixtures.bytes(of: file), Fixtures.pattern(offset: Int64(index), count: 48))
                }
            }
            try await group.waitForAll()
        }

        await connection.close()
        await recorder.waitForEnd()
        let reconnects = await recorder.count { $0 == .connected(keyExchanged: false) }
        XCTAssertGreaterThanOrEqual(reconnects, 100 / 7)
        let exchanges = await server.keyExchangeCount
        XCTAssertEqual(exchanges, 1, "reconnecting must reuse the auth key")
        await server.shutdown()
    }

    func testNewConnectionReusesTheStoredAuthKey() async throws {
        let server = try await Fixtures.server()
        let storage = InMemoryAuthKeyStorage()

        let first = Fixtures.connection(port: server.port, storage: storage)
        _ = try await first.invoke(Api.Help.GetNearestDc(), timeout: .seconds(5))
        await first.close()
        let stored = await storage.authKey(forDataCenter: Fixtures.dataCenterID)
        XCTAssertEqual(stored?.authKey.count, 256)

        let second = Fixtures.connection(port: server.port, storage: storage)
        let recorder = EventRecorder()
        await recorder.record(second)
        let nearest = try await second.invoke(Api.Help.GetNearestDc(), timeout: .seconds(5))
        XCTAssertEqual(nearest, TestService.nearestDc)
        await second.close()
        await recorder.waitForEnd()

        let exchanges = await server.keyExchangeCount
        XCTAssertEqual(exchanges, 1)
        let events = await recorder.events
        XCTAssertEqual(events.first, .connected(keyExchanged: false))
        await server.shutdown()
    }

    func testAKeyMeetingSpurious404sIsKeptAndWorksOnTheNextLink() async throws {
        let server = try await Fixtures.server(faults: ServerFaults(spuriousKeyRejections: 2))
        let storage = InMemoryAuthKeyStorage()
        let connection = Fixtures.connection(port: server.port, storage: storage)
        let recorder = EventRecorder()
        await recorder.record(connection)

        let nearest = try await connection.invoke(Api.Help.GetNearestDc(), timeout: .seconds(20))

        XCTAssertEqual(nearest, TestService.nearestDc)
        let exchanges = await server.keyExchangeCount
        XCTAssertEqual(exchanges, 1, "two -404s below the limit must not cost the key")
        let stored = await storage.authKey(forDataCenter: Fixtures.dataCenterID)
        XCTAssertNotNil(stored)
        await connection.close()
        await recorder.waitForEnd()
        let rejected = await recorder.count { $0 == .disconnected(.transport(.serverError(code: -404))) }
        XCTAssertEqual(rejected, 2)
        await server.shutdown()
    }

    func testKeyUnknownToTheServerIsReplacedOnlyAfterThreeLinksAnswer404() async throws {
        let server = try await Fixtures.server()
        var random = SystemRandom()
        let unknown = StoredAuthKey(authKey: random.bytes(256), salt: 1, timeOffset: 0)
        let storage = InMemoryAuthKeyStorage([Fixtures.dataCenterID: unknown])
        var configuration = Fixtures.clientConfiguration(port: server.port)
        configuration.reconnect.maximumFailedAttempts = 5
        let connection = MTProtoConnection(configuration: configuration, authKeyStorage: storage, logger: Fixtures.silentLogger)
        let recorder = EventRecorder()
        await recorder.record(connection)

        let nearest = try await connection.invoke(Api.Help.GetNearestDc(), timeout: .seconds(20))

        XCTAssertEqual(nearest, TestService.nearestDc)
        let exchanges = await server.keyExchangeCount
        XCTAssertEqual(exchanges, 1)
        let stored = await storage.authKey(forDataCenter: Fixtures.dataCenterID)
        XCTAssertNotEqual(stored?.authKey, unknown.authKey)
        await connection.close()
        await recorder.waitForEnd()
        let rejected = await recorder.count { $0 == .disconnected(.transport(.serverError(code: -404))) }
        XCTAssertEqual(rejected, 3)
        await server.shutdown()
    }
}
