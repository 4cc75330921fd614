import SandboxTestSupport
import Client
import MTProto
import Timekeeping
import XCTest

final class RetryMiddlewareTests: XCTestCase {
    private let clock = SimulatedProgramClock(now: 0)

    func testTransientErrorsAreRetriedWithDoublingBackoff() async throws {
        let inner = ScriptedInvoker([
            .failure(ClientError.rpc(RPCError(code: 500, message: "INTERNAL"))),
            .failure(ClientError.rpc(RPCError(code: -503, message: "Timeout"))),
            .failure(ClientError.timeout),
            .answer(nearestDc),
        ])
        let invoker = RetryMiddleware(next: inner, clock: clock, maxAttempts: 4, initialDelay: 1, maxDelay: 16)

        _ = try await invoker.invoke(anyCall)

        XCTAssertEqual(clock.sleeps, [1, 2, 4])
    }

    func testWorkerBusyIsRetried() async throws {
        let inner = ScriptedInvoker([
            .failure(ClientError.rpc(RPCError(code: 500, message: "WORKER_BUSY_TOO_LONG_RETRY"))), .answer(nearestDc),
        ])
        _ = try await RetryMiddleware(next: inner, clock: clock).invoke(anyCall)
        XCTAssertEqual(clock.sleeps.count, 1)
    }

    func testRetriesAreBoundedAndTheLastErrorIsThrown() async {
        let inner = ScriptedInvoker(Array(repeating: .failure(ClientError.timeout), count: 5))
        let invoker = RetryMiddleware(next: inner, clock: clock, maxAttempts: 3, initialDelay: 1, maxDelay: 1.5)

        await XCTAssertThrowsClientError(try await invoker.invoke(anyCall), .timeout)
        XCTAssertEqual(clock.sleeps, [1, 1.5])
        let calls = await inner.methods.count
        XCTAssertEqual(calls, 3)
    }

    func testClientErrorsAreNotRetried() async {
        let inner = ScriptedInvoker([.failure(ClientError.rpc(RPCError(code: 400, message: "PEER_ID_INVALID")))])
        await XCTAssertThrowsClientError(
            try await RetryMiddleware(next: inner, clock: clock).invoke(anyCall), .rpc(RPCError(code: 400, message: "PEER_ID_INVALID")))
        XCTAssertEqual(clock.sleeps, [])
    }
}
