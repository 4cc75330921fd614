import SandboxTestSupport
import Client
import MTProto
import Timekeeping
import XCTest

final class FloodWaitMiddlewareTests: XCTestCase {
    private let clock = SimulatedProgramClock(now: 0)

    func testShortFloodWaitIsSleptThenTheCallRepeated() async throws {
        let inner = ScriptedInvoker([.failure(ClientError.rpc(RPCError(code: 420, message: "FLOOD_WAIT_17"))), .answer(nearestDc)])
        let observer = RecordingFloodObserver()
        let invoker = FloodWaitMiddleware(next: inner, clock: clock, observer: observer)

        let answer = try await invoker.invoke(anyCall)

        XCTAssertEqual(answer.thisDc, 2)
        XCTAssertEqual(clock.sleeps, [17])
        let waits = await observer.waits
        XCTAssertEqual(waits.map(\.seconds), [17])
        XCTAssertEqual(waits.map(\.method), ["help.getNearestDc"])
    }

    func testPremiumAndSlowmodeWaitsAreSleptToo() async throws {
        let inner = ScriptedInvoker([
            .failure(ClientError.rpc(RPCError(code: 420, message: "FLOOD_PREMIUM_WAIT_3"))), .answer(nearestDc),
            .failure(ClientError.rpc(RPCError(code: 420, message: "SLOWMODE_WAIT_5"))), .answer(nearestDc),
        ])
        let invoker = FloodWaitMiddleware(next: inner, clock: clock)

        _ = try await invoker.invoke(anyCall)
        _ = try await invoker.invoke(anyCall)

        XCTAssertEqual(clock.sleeps, [3, 5])
    }

    func testWaitAboveTheLimitIsDeferredWithoutSleeping() async {
        let inner = ScriptedInvoker([.failure(ClientError.rpc(RPCError(code: 420, message: "FLOOD_WAIT_301")))])
        let invoker = FloodWaitMiddleware(next: inner, clock: clock, maxWait: .seconds(300))

        await XCTAssertThrowsClientError(try await invoker.invoke(anyCall), .floodDeferred(seconds: 301, method: "help.getNearestDc"))
        XCTAssertEqual(clock.sleeps, [])
    }

    func testAWaitBeyondAWeekIsCappedAndSaid() async {
        let capture = LogCapture()
        let inner = ScriptedInvoker([.failure(ClientError.rpc(RPCError(code: 420, message: "FLOOD_WAIT_9223372036854775807")))])
        let invoker = FloodWaitMiddleware(next: inner, clock: clock, maxWait: .seconds(300), logger: capture.logger(label: "test"))

        await XCTAssertThrowsClientError(
            try await invoker.invoke(anyCall), .floodDeferred(seconds: RPCError.longestWait, method: "help.getNearestDc"))
        XCTAssertTrue(capture.text.contains("longer than a week"), capture.text)
    }

    func testAWaitOfExactlyAWeekIsNotCalledCapped() async {
        let capture = LogCapture()
        let inner = ScriptedInvoker([.failure(ClientError.rpc(RPCError(.floodWaitX, value: RPCError.longestWait)))])
        let invoker = FloodWaitMiddleware(next: inner, clock: clock, maxWait: .seconds(300), logger: capture.logger(label: "test"))

        await XCTAssertThrowsClientError(
            try await invoker.invoke(anyCall), .floodDeferred(seconds: RPCError.longestWait, method: "help.getNearestDc"))
        XCTAssertEqual(capture.text, "")
    }

    func testRepeatedFloodWaitAfterTheRetryIsDeferred() async {
        let flood = ClientError.rpc(RPCError(code: 420, message: "FLOOD_WAIT_10"))
        let inner = ScriptedInvoker([.failure(flood), .failure(flood), .answer(nearestDc)])
        let invoker = FloodWaitMiddleware(next: inner, clock: clock, maxRetries: 1)

        await XCTAssertThrowsClientError(try await invoker.invoke(anyCall), .floodDeferred(seconds: 10, method: "help.getNearestDc"))
        XCTAssertEqual(clock.sleeps, [10])
    }

    func testOtherErrorsPassThrough() async {
        let inner = ScriptedInvoker([.failure(ClientError.rpc(RPCError(code: 400, message: "CHANNEL_INVALID")))])
        let invoker = FloodWaitMiddleware(next: inner, clock: clock)

        await XCTAssertThrowsClientError(try await invoker.invoke(anyCall), .rpc(RPCError(code: 400, message: "CHANNEL_INVALID")))
        XCTAssertEqual(clock.sleeps, [])
    }
}

/// Asserts that `expression` throws exactly `expected`.
func XCTAssertThrowsClientError<T>(
    _ expression: @autoclosure () async throws -> T, _ expected: ClientError, file: StaticString = #filePath, line: UInt = #line
) async {
    do {
        _ = try await expression()
        XCTFail("expected \(expected), got a result", file: file, line: line)
    } catch let error as ClientError {
        XCTAssertEqual(error, expected, file: file, line: line)
    } catch {
        XCTFail("expected \(expected), got \(error)", file: file, line: line)
    }
}
