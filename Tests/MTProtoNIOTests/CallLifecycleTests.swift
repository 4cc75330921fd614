import MTProto
import MTProtoNIO
import TL
import XCTest

/// How calls end other than with an answer: timeout, cancellation, close.
final class CallLifecycleTests: XCTestCase {
    func testUnansweredCallTimesOutWithinItsTimeout() async throws {
        let server = try await Fixtures.server()
        let connection = Fixtures.connection(port: server.port)
        _ = try await connection.invoke(Api.Help.GetNearestDc(), timeout: .seconds(5))

        let clock = ContinuousClock()
        let start = clock.now
        do {
            _ = try await connection.invoke(Api.Help.GetConfig(), timeout: .milliseconds(200))
            XCTFail("expected a timeout")
        } catch ConnectionError.timeout {
            let elapsed = clock.now - start
            XCTAssertGreaterThanOrEqual(elapsed, .milliseconds(200))
            XCTAssertLessThan(elapsed, .seconds(2))
        }
        let pending = await connection.pendingCallCount
        XCTAssertEqual(pending, 0)
        await connection.close()
        await server.shutdown()
    }

    func testTimedOutCallIsNotSentAgainAfterAReconnect() async throws {
        let service = TestService()
        // The second reply closes the connection, after the call below timed out.
        let server = try await Fixtures.server(handler: service, faults: ServerFaults(dropConnectionEvery: 2))
        let connection = Fixtures.connection(port: server.port)
        let recorder = EventRecorder()
        await recorder.record(connection)
        _ = try await connection.invoke(Api.Help.GetNearestDc(), timeout: .seconds(5))
        do {
            _ = try await connection.invoke(Api.Help.GetConfig(), timeout: .milliseconds(200))
            XCTFail("expected a timeout")
        } catch ConnectionError.timeout {}
        _ = try await connection.invoke(Api.Help.GetNearestDc(), timeout: .seconds(5))

        // Sent on the next link, after anything the session would resend.
        _ = try await connection.invoke(Api.Help.GetNearestDc(), timeout: .seconds(5))
        try await Task.sleep(for: .milliseconds(200))

        let requests = await service.gauge.requests
        XCTAssertEqual(requests, 4, "three help.getNearestDc and the timed-out help.getConfig once")
        await connection.close()
        await recorder.waitForEnd()
        let reconnects = await recorder.count { $0 == .connected(keyExchanged: false) }
        XCTAssertEqual(reconnects, 1)
        await server.shutdown()
    }

    func testCancelledCallFailsWithCancellationErrorAndIsRemoved() async throws {
        let server = try await Fixtures.server()
        let connection = Fixtures.connection(port: server.port)
        let call = Task { try await connection.invoke(Api.Help.GetConfig()) }
        try await waitUntil { await connection.pendingCallCount == 1 }

        call.cancel()

        do {
            _ = try await call.value
            XCTFail("expected cancellation")
        } catch is CancellationError {}
        let pending = await connection.pendingCallCount
        XCTAssertEqual(pending, 0)
        await connection.close()
        await server.shutdown()
    }

    func testCloseFailsPendingCallsAndRefusesNewOnes() async throws {
        let server = try await Fixtures.server()
        let connection = Fixtures.connection(port: server.port)
        let call = Task { try await connection.invoke(Api.Help.GetConfig()) }
        try await waitUntil { await connection.pendingCallCount == 1 }

        await connection.close()

        do {
            _ = try await call.value
            XCTFail("expected .closed")
        } catch ConnectionError.closed {}
        do {
            _ = try await connection.invoke(Api.Help.GetNearestDc())
            XCTFail("expected .closed")
        } catch ConnectionError.closed {}
        try await waitUntil { await server.connectionCount == 0 }
        await server.shutdown()
    }

    func testServerShutdownClosesItsConnections() async throws {
        let server = try await Fixtures.server()
        let connection = Fixtures.connection(port: server.port)
        _ = try await connection.invoke(Api.Help.GetNearestDc(), timeout: .seconds(5))
        let open = await server.connectionCount
        XCTAssertEqual(open, 1)

        await server.shutdown()

        let remaining = await server.connectionCount
        XCTAssertEqual(remaining, 0)
        await connection.close()
    }
}
