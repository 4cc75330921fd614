import MTProto
import MTProtoNIO
import TL
import XCTest

/// Every client framing, against the autodetecting server: key exchange, then typed calls.
final class TransportTests: XCTestCase {
    func testAbridged() async throws {
        try await exercise(.plain(.abridged))
    }

    func testIntermediate() async throws {
        try await exercise(.plain(.intermediate))
    }

    func testPaddedIntermediate() async throws {
        try await exercise(.plain(.paddedIntermediate))
    }

    func testFull() async throws {
        try await exercise(.plain(.full))
    }

    func testObfuscatedAbridged() async throws {
        try await exercise(.obfuscatedAbridged)
    }

    func testObfuscatedIntermediate() async throws {
        try await exercise(.obfuscatedIntermediate)
    }

    func testObfuscatedPaddedIntermediate() async throws {
        try await exercise(.obfuscatedPaddedIntermediate)
    }

    /// Creates a key over `transport`, then checks small and large answers and requests, a ping
    /// answered by the session itself, and an RPC error.
    private func exercise(_ transport: ClientTransport) async throws {
        let server = try await Fixtures.server()
        let connection = Fixtures.connection(port: server.port, transport: transport)

        let nearest = try await connection.invoke(Api.Help.GetNearestDc(), timeout: .seconds(5))
        XCTAssertEqual(nearest, TestService.nearestDc)
        for (offset, limit) in [(0, 4), (9, 1024), (3, 300_000)] as [(Int64, Int32)] {
            let file = try await connection.invoke(Fixtures.getFile(offset: offset, limit: limit), timeout: .seconds(5))
            XCTAssertEqual(Fixtures.bytes(of: file), Fixtures.pattern(offset: offset, count: Int(limit)), "\(transport) offset \(offset)")
        }
        let part = Api.Upload.SaveFilePart(fileId: 1, filePart: 5, bytes: Fixtures.pattern(offset: 5, count: 200_000))
        let saved = try await connection.invoke(part, timeout: .seconds(5))
        XCTAssertTrue(saved)
        let pong = try await connection.invoke(MT.Ping(pingId: 42), timeout: .seconds(5))
        XCTAssertEqual(pong.pingId, 42)
        do {
            _ = try await connection.invoke(Api.Test.UseError(), timeout: .seconds(5))
            XCTFail("expected an RPC error")
        } catch ConnectionError.rpc(let error) {
            XCTAssertEqual(error.name, .floodWaitX)
            XCTAssertEqual(error.waitSeconds, 3)
        }
        let exchanges = await server.keyExchangeCount
        XCTAssertEqual(exchanges, 1)

        await connection.close()
        await server.shutdown()
    }
}
