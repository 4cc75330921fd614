import MTProto
import MTProtoNIO
import TL
import XCTest

/// Many calls at once on one connection.
final class ConcurrencyTests: XCTestCase {
    func testTwoHundredConcurrentCallsAllGetTheirOwnAnswers() async throws {
        let service = TestService()
        let server = try await Fixtures.server(handler: service)
        let connection = Fixtures.connection(port: server.port)

        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<200 {
                group.addTask {
                    let limit = Int32(16 + index * 4)
                    let file = try await connection.invoke(Fixtures.getFile(offset: Int64(index), limit: limit), timeout: .seconds(10))
                    XCTAssertEqual(Fixtures.bytes(of: file), Fixtures.pattern(offset: Int64(index), count: Int(limit)))
                }
            }
            try await group.waitForAll()
        }

        let requests = await service.gauge.requests
        let overlapping = await service.gauge.maximumConcurrent
        XCTAssertEqual(requests, 200, "each call is handled exactly once, including those in the session's first container")
        // Requests packed into containers reach the server together and are handled side by side.
        XCTAssertGreaterThan(overlapping, 1)
        let pending = await connection.pendingCallCount
        XCTAssertEqual(pending, 0)
        await connection.close()
        await server.shutdown()
    }
}
