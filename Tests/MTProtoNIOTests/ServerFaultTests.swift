import MTProtoCrypto
import MTProto
import MTProtoNIO
import TL
import XCTest

/// The random and timed server faults: calls still complete with the right answers, and the server
/// counts each fault as it strikes.
final class ServerFaultTests: XCTestCase {
    /// Calls `upload.getFile` at offsets `range`, checking each answer.
    private func fetch(_ range: Range<Int>, over connection: MTProtoConnection) async throws {
        for index in range {
            let file = try await connection.invoke(Fixtures.getFile(offset: Int64(index), limit: 32), timeout: .seconds(5))
            XCTAssertEqual(Fixtures.bytes(of: file), Fixtures.pattern(offset: Int64(index), count: 32))
        }
    }

    func testCallsCompleteWhileTheSaltRotates() async throws {
        let server = try await Fixtures.server(faults: ServerFaults(saltRotation: .milliseconds(200)))
        let connection = Fixtures.connection(port: server.port)
        let deadline = ContinuousClock.now + .seconds(3)
        var offset = 0
        var counts = await server.faultCounts
        while counts.saltRotations < 2 || counts.badSaltNotices < 2, ContinuousClock.now < deadline {
            try await fetch(offset..<offset + 5, over: connection)
            offset += 5
            try await Task.sleep(for: .milliseconds(20))
            counts = await server.faultCounts
        }
        XCTAssertGreaterThanOrEqual(counts.saltRotations, 2)
        XCTAssertGreaterThanOrEqual(counts.badSaltNotices, 2, "clients must have met the new salts")
        await connection.close()
        await server.shutdown()
    }

    func testCallsCompleteWhileConnectionsDropAtRandom() async throws {
        let server = try await Fixtures.server(faults: ServerFaults(dropProbability: 0.15, seed: 42))
        let connection = Fixtures.connection(port: server.port)
        try await fetch(0..<60, over: connection)
        let drops = await server.faultCounts.droppedConnections
        XCTAssertGreaterThan(drops, 0)
        await connection.close()
        await server.shutdown()
    }

    func testSameSeedDropsTheSameConnections() async throws {
        var first = SeededRandom(seed: 7)
        var second = SeededRandom(seed: 7)
        let draws = (0..<100).map { _ in first.chance(0.3) }
        XCTAssertEqual(draws, (0..<100).map { _ in second.chance(0.3) })
        XCTAssertTrue(draws.contains(true) && draws.contains(false))
    }

    func testEveryReplyIsDelayed() async throws {
        let server = try await Fixtures.server(faults: ServerFaults(replyDelay: ReplyDelay(maximum: .milliseconds(10))))
        let connection = Fixtures.connection(port: server.port)
        try await fetch(0..<1, over: connection)
        let start = ContinuousClock.now
        try await fetch(1..<11, over: connection)
        XCTAssertGreaterThanOrEqual(ContinuousClock.now - start, .milliseconds(100))
        let delayed = await server.faultCounts.delayedReplies
        XCTAssertEqual(delayed, 11)
        await connection.close()
        await server.shutdown()
    }

    func testRandomDelaysStillAnswerEveryCall() async throws {
        let delay = ReplyDelay(maximum: .milliseconds(5), isRandom: true)
        let server = try await Fixtures.server(faults: ServerFaults(replyDelay: delay, seed: 3))
        let connection = Fixtures.connection(port: server.port)
        try await fetch(0..<20, over: connection)
        let delayed = await server.faultCounts.delayedReplies
        XCTAssertEqual(delayed, 20)
        await connection.close()
        await server.shutdown()
    }

    func testCallsCompleteWhenTheServerRejectsMessageTimes() async throws {
        let server = try await Fixtures.server(faults: ServerFaults(badTimeProbability: 0.2, seed: 11))
        let connection = Fixtures.connection(port: server.port)
        try await fetch(0..<40, over: connection)
        let notices = await server.faultCounts.badTimeNotices
        XCTAssertGreaterThan(notices, 0)
        await connection.close()
        await server.shutdown()
    }
}
