import Foundation
import TL
import XCTest
@testable import Sandbox

/// `messages.getHistory` against a brute-force model of https://core.telegram.org/api/offsets.
final class HistoryReferenceModelTests: XCTestCase {
    /// A small channel with many gaps, albums and late deletions, observed six hours after genesis.
    static let spec = WorldSpec(
        seed: 99, genesis: Date(timeIntervalSince1970: 1_767_225_600),
        channels: [ChannelSpec(username: "gappy", title: "Gappy", size: 150, postsPerHour: 12,
                               mix: MessageMix(deleted: 0.3, edited: 0.3, albums: 0.2))],
        accounts: [AccountSpec(phone: "9996621234")])

    private struct Entry { let id: Int; let date: Int }

    /// The reference: the newest-first list, sliced at offsetFromID + add_offset, then cut by max_id/min_id.
    private func reference(_ list: [Entry], _ query: HistoryQuery) -> [Int] {
        var skipped = 0
        if query.offsetID > 0 { skipped = list.filter { $0.id >= query.offsetID }.count }
        if query.offsetDate > 0 { skipped = max(skipped, list.filter { $0.date >= query.offsetDate }.count) }
        let lower = max(skipped + query.addOffset, 0)
        let upper = min(skipped + query.addOffset + query.effectiveLimit, list.count)
        guard lower < upper else { return [] }
        return list[lower..<upper].map(\.id).filter {
            (query.maxID <= 0 || $0 < query.maxID) && (query.minID <= 0 || $0 > query.minID)
        }
    }

    /// A channel posting several messages per second, so many dates tie (offset_date edge cases).
    static let burstSpec = WorldSpec(
        seed: 100, genesis: Date(timeIntervalSince1970: 1_767_225_600),
        channels: [ChannelSpec(username: "gappy", title: "Burst", size: 160, postsPerHour: 10_000,
                               start: Date(timeIntervalSince1970: 1_767_225_600 - 40), mix: MessageMix(deleted: 0.2))],
        accounts: [AccountSpec(phone: "9996621234")])

    func testRandomQueriesMatchTheReferenceModel() throws {
        try checkRandomQueries(spec: Self.spec, offset: 6 * 3_600, seed: 1234)
    }

    func testRandomQueriesWithTiedDatesMatchTheReferenceModel() throws {
        try checkRandomQueries(spec: Self.burstSpec, offset: 30, seed: 4321)
    }

    private func checkRandomQueries(spec: WorldSpec, offset: TimeInterval, seed: UInt64) throws {
        var harness = SandboxHarness(spec: spec, offset: offset)
        try harness.logIn()
        let channel = try XCTUnwrap(harness.api.world.channel(username: "gappy"))
        let list = harness.api.world.truth(channel: channel, at: harness.now).compactMap(TruthRecord.init)
            .map { Entry(id: $0.id, date: $0.date) }.reversed().map { $0 }
        XCTAssertGreaterThan(list.count, 100)
        let top = try XCTUnwrap(list.first?.id)
        XCTAssertLessThan(list.count, top, "the channel must have gaps")
        var draw = Draw(seed)
        for round in 0..<300 {
            let query = HistoryQuery(
                offsetID: draw.chance(0.2) ? 0 : draw.below(top + 10),
                offsetDate: draw.chance(0.8) ? 0 : list[draw.below(list.count)].date + draw.below(3) - 1,
                addOffset: draw.chance(0.4) ? 0 : draw.below(241) - 120,
                limit: draw.chance(0.1) ? 0 : draw.below(130),
                maxID: draw.chance(0.7) ? 0 : draw.below(top + 5),
                minID: draw.chance(0.7) ? 0 : draw.below(top + 5))
            let served = try harness.page(
                "gappy", offsetID: query.offsetID, offsetDate: query.offsetDate, addOffset: query.addOffset,
                limit: query.limit, maxID: query.maxID, minID: query.minID)
            XCTAssertEqual(served, reference(list, query), "round \(round): \(query)")
        }
    }

    func testLimitAboveOneHundredIsCapped() throws {
        var harness = SandboxHarness()
        try harness.logIn()
        XCTAssertEqual(try harness.page("sandbox_news", limit: 500).count, 100)
    }

    func testMatchingHashAnswersNotModified() throws {
        var harness = SandboxHarness()
        try harness.logIn()
        let ids = try harness.page("sandbox_news", limit: 20)
        let answer = try harness.value(Api.Messages.GetHistory(
            peer: harness.peer("sandbox_news"), offsetId: 0, offsetDate: 0, addOffset: 0, limit: 20, maxId: 0, minId: 0,
            hash: HistoryQuery.hash(ids: ids)))
        guard case .messagesNotModified = answer else { return XCTFail("expected messagesNotModified, got \(answer)") }
    }
}
