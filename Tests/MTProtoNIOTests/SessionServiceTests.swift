import MTProto
import MTProtoNIO
import TL
import XCTest

/// What a ready session does besides answering calls: keepalive pings and updates.
final class SessionServiceTests: XCTestCase {
    func testKeepalivePingsKeepAnIdleLinkUp() async throws {
        let server = try await Fixtures.server()
        let connection = Fixtures.connection(port: server.port, pingInterval: .milliseconds(150))
        let recorder = EventRecorder()
        await recorder.record(connection)
        _ = try await connection.invoke(Api.Help.GetNearestDc(), timeout: .seconds(5))

        // Several ping intervals: an unanswered ping would drop the link as unresponsive.
        try await Task.sleep(for: .milliseconds(500))
        _ = try await connection.invoke(Api.Help.GetNearestDc(), timeout: .seconds(5))

        await connection.close()
        await recorder.waitForEnd()
        let events = await recorder.events
        XCTAssertEqual(events, [.connected(keyExchanged: true), .newSession, .stopped])
        await server.shutdown()
    }

    func testUpdatesFromTheServerArriveOnTheUpdatesStream() async throws {
        let server = try await Fixtures.server(handler: TestService(pushesUpdates: true))
        let connection = Fixtures.connection(port: server.port)

        _ = try await connection.invoke(Api.Help.GetNearestDc(), timeout: .seconds(5))
        let update = try await withDeadline(seconds: 2) {
            var updates = connection.updates.makeAsyncIterator()
            return await updates.next()
        }

        XCTAssertEqual(update?.bytes, Api.Updates.updatesTooLong.serialized())
        await connection.close()
        await server.shutdown()
    }
}
