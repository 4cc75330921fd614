import Foundation
import TL
import XCTest
@testable import Sandbox

/// Full paging through `messages.getHistory` returns exactly the ground truth, in both directions.
final class HistoryPagingTests: XCTestCase {
    func testPagingNewestToOldestReturnsTheGroundTruth() throws {
        var harness = SandboxHarness(offset: 3 * 3_600)
        try harness.logIn()
        let channel = try XCTUnwrap(harness.api.world.channel(username: "sandbox_news"))
        let truth = harness.api.world.truth(channel: channel, at: harness.now).map(\.sandboxID)
        var collected: [Int] = []
        var offset = 0
        while true {
            let page = try harness.page("sandbox_news", offsetID: offset, limit: 100)
            guard let last = page.last else { break }
            collected += page
            offset = last
        }
        XCTAssertEqual(collected, truth.reversed())
    }

    func testPagingOldestToNewestWithNegativeAddOffsetReturnsTheGroundTruth() throws {
        var harness = SandboxHarness(offset: 3 * 3_600)
        try harness.logIn()
        let channel = try XCTUnwrap(harness.api.world.channel(username: "sandbox_news"))
        let truth = harness.api.world.truth(channel: channel, at: harness.now).map(\.sandboxID)
        var collected: [Int] = []
        var offset = 1
        while true {
            let page = try harness.page("sandbox_news", offsetID: offset, addOffset: -50, limit: 50)
            let fresh = page.reversed().filter { $0 > (collected.last ?? 0) }
            guard !fresh.isEmpty, let newest = fresh.last else { break }
            collected += fresh
            offset = newest + 1
        }
        XCTAssertEqual(collected, truth)
    }

    func testMillionMessageChannelAnswersAPageNearIdOneQuickly() throws {
        let spec = WorldSpec(
            seed: 5, genesis: Date(timeIntervalSince1970: 1_767_225_600),
            channels: [ChannelSpec(username: "huge", title: "Huge", size: 1_000_000, postsPerHour: 120)],
            accounts: [AccountSpec(phone: "9996621234")])
        var harness = SandboxHarness(spec: spec, offset: 3_600)
        try harness.logIn()
        let started = Date()
        let oldest = try harness.page("huge", offsetID: 60, limit: 100)
        let newest = try harness.page("huge", limit: 100)
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertEqual(oldest.last, 1)
        XCTAssertEqual(oldest.first.map { $0 < 60 }, true)
        XCTAssertGreaterThan(newest.first ?? 0, 1_000_000)
        XCTAssertLessThan(elapsed, 1.0, "pages must not depend on the history size")
    }
}
