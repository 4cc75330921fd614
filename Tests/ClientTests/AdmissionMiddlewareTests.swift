import SandboxTestSupport
import Client
import XCTest

final class AdmissionMiddlewareTests: XCTestCase {
    private struct FixedAdmission: AdmissionControl {
        let decision: AdmissionDecision
        func admit(method: String) async throws -> AdmissionDecision { decision }
    }

    private struct BrokenAdmission: AdmissionControl {
        struct Failure: Error {}
        func admit(method: String) async throws -> AdmissionDecision { throw Failure() }
    }

    private let clock = SimulatedClientClock(now: 0)

    func testFailingAdmissionControlDefersTheCall() async {
        let inner = ScriptedInvoker([.answer(nearestDc)])
        let invoker = AdmissionMiddleware(next: inner, admission: BrokenAdmission(), clock: clock)

        await XCTAssertThrowsClientError(try await invoker.invoke(anyCall), .deferred(reason: "admission control failed: Failure()"))
        let calls = await inner.methods
        XCTAssertEqual(calls, [])
    }

    func testDeferredCallThrowsDeferredAndIsNotSent() async {
        let inner = ScriptedInvoker([.answer(nearestDc)])
        let invoker = AdmissionMiddleware(next: inner, admission: FixedAdmission(decision: .defer(reason: "budget spent")), clock: clock)

        await XCTAssertThrowsClientError(try await invoker.invoke(anyCall), .deferred(reason: "budget spent"))
        let calls = await inner.methods
        XCTAssertEqual(calls, [])
    }

    func testProceedAfterADelayWaitsThenCalls() async throws {
        let inner = ScriptedInvoker([.answer(nearestDc)])
        let invoker = AdmissionMiddleware(next: inner, admission: FixedAdmission(decision: .proceed(after: 2.5)), clock: clock)

        _ = try await invoker.invoke(anyCall)

        XCTAssertEqual(clock.sleeps, [2.5])
    }

    func testUnlimitedAdmissionCallsAtOnce() async throws {
        let inner = ScriptedInvoker([.answer(nearestDc)])
        _ = try await AdmissionMiddleware(next: inner, admission: UnlimitedAdmission(), clock: clock).invoke(anyCall)
        XCTAssertEqual(clock.sleeps, [])
    }
}
