import Foundation
import TL
import XCTest
@testable import Sandbox

/// Sliding-window budgets per account and method, exact FLOOD_WAIT seconds, escalation and forced waits.
final class FloodPolicyTests: XCTestCase {
    private func history(_ harness: SandboxHarness) throws -> Api.Messages.GetHistory {
        Api.Messages.GetHistory(peer: try harness.peer("sandbox_news"), offsetId: 0, offsetDate: 0, addOffset: 0,
                                limit: 1, maxId: 0, minId: 0, hash: 0)
    }

    func testThirtyFirstHistoryCallInThirtySecondsWaitsUntilTheWindowFrees() throws {
        var harness = SandboxHarness(flood: .telegramLike)
        try harness.logIn()
        let request = try history(harness)
        let start = harness.now
        for call in 0..<30 {
            harness.now = start.addingTimeInterval(Double(call) * 0.5)
            XCTAssertNoThrow(try harness.value(request), "call \(call)")
        }
        harness.now = start.addingTimeInterval(20.2)
        let error = try harness.error(request)
        XCTAssertEqual(error?.code, 420)
        XCTAssertEqual(error?.message, "FLOOD_WAIT_10")
        harness.now = start.addingTimeInterval(30.01)
        XCTAssertNoThrow(try harness.value(request))
    }

    func testResolveUsernameWaitsEscalate() throws {
        var harness = SandboxHarness(flood: .telegramLike)
        try harness.logIn()
        let request = Api.Contacts.ResolveUsername(username: "sandbox_news")
        for _ in 0..<5 { XCTAssertNoThrow(try harness.value(request)) }
        XCTAssertEqual(try harness.error(request)?.waitSeconds, 300)
        harness.now += 100
        XCTAssertEqual(try harness.error(request)?.waitSeconds, 400, "calling during the wait doubles what remains")
        harness.now += 400
        XCTAssertNoThrow(try harness.value(request))
    }

    func testForcedWaitsAreAnsweredOnce() throws {
        var harness = SandboxHarness()
        try harness.logIn()
        let request = try history(harness)
        harness.state.inject(.floodPremiumWait(7, method: Api.Messages.GetHistory.tlName))
        harness.state.inject(.slowmodeWait(9, method: Api.Messages.GetHistory.tlName))
        XCTAssertEqual(try harness.error(request)?.message, "FLOOD_PREMIUM_WAIT_7")
        XCTAssertEqual(try harness.error(request)?.message, "SLOWMODE_WAIT_9")
        XCTAssertNoThrow(try harness.value(request))
    }

    func testPolicyOffNeverRefuses() throws {
        var harness = SandboxHarness(flood: .off)
        try harness.logIn()
        let request = try history(harness)
        for _ in 0..<100 { XCTAssertNoThrow(try harness.value(request)) }
    }
}
