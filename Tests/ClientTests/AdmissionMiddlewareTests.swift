import SandboxTestSupport
import Client
import Foundation
import Governor
import MTProto
import Timekeeping
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

    /// Answers every call with `decision` and keeps the outcomes it hears.
    private actor RecordingAdmission: AdmissionControl {
        let decision: AdmissionDecision
        private(set) var outcomes: [CallOutcome] = []
        init(decision: AdmissionDecision = .proceed(after: 0)) { self.decision = decision }
        func admit(method: String) async throws -> AdmissionDecision { decision }
        func completed(method: String, outcome: CallOutcome) async { outcomes.append(outcome) }
    }

    private let clock = SimulatedProgramClock(now: 0)
    private let spent = DeferralReason.budget(scope: .account, until: Date(timeIntervalSince1970: 86_400))
    private let getNearestDc = "help.getNearestDc"

    func testFailingAdmissionControlDefersTheCall() async {
        let inner = ScriptedInvoker([.answer(nearestDc)])
        let invoker = AdmissionMiddleware(next: inner, admission: BrokenAdmission(), clock: clock)

        await XCTAssertThrowsClientError(try await invoker.invoke(anyCall), .admissionFailed("Failure()"))
        let calls = await inner.methods
        XCTAssertEqual(calls, [])
    }

    func testDeferredCallThrowsDeferredAndIsNotSent() async {
        let inner = ScriptedInvoker([.answer(nearestDc)])
        let invoker = AdmissionMiddleware(next: inner, admission: FixedAdmission(decision: .defer(reason: spent)), clock: clock)

        await XCTAssertThrowsClientError(try await invoker.invoke(anyCall), .deferred(method: getNearestDc, reason: spent))
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

    func testOutcomesOfAdmittedCallsAreReportedOncePerAttempt() async throws {
        let inner = ScriptedInvoker([
            .answer(nearestDc),
            .failure(ClientError.rpc(RPCError(code: 420, message: "FLOOD_WAIT_17"))),
            .failure(ClientError.rpc(RPCError(code: 400, message: "CHANNEL_INVALID"))),
        ])
        let admission = RecordingAdmission()
        let invoker = AdmissionMiddleware(next: inner, admission: admission, clock: clock)

        _ = try await invoker.invoke(anyCall)
        await XCTAssertThrowsClientError(
            try await invoker.invoke(anyCall), .rpc(RPCError(code: 420, message: "FLOOD_WAIT_17")))
        await XCTAssertThrowsClientError(
            try await invoker.invoke(anyCall), .rpc(RPCError(code: 400, message: "CHANNEL_INVALID")))

        let outcomes = await admission.outcomes
        XCTAssertEqual(outcomes, [.success, .floodWait(seconds: 17), .failed])
    }

    func testDeferredCallReportsNoOutcome() async {
        let admission = RecordingAdmission(decision: .defer(reason: spent))
        let deferring = AdmissionMiddleware(next: ScriptedInvoker([]), admission: admission, clock: clock)

        await XCTAssertThrowsClientError(try await deferring.invoke(anyCall), .deferred(method: getNearestDc, reason: spent))

        let outcomes = await admission.outcomes
        XCTAssertEqual(outcomes, [])
    }
}
