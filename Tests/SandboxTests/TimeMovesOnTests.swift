import Foundation
import TL
import XCTest
@testable import Sandbox

/// After genesis new posts appear, recent ones get edited or deleted, and pts follows every change.
final class TimeMovesOnTests: XCTestCase {
    private static let spec = WorldSpec(
        seed: 3, genesis: Date(timeIntervalSince1970: 1_767_225_600),
        channels: [ChannelSpec(username: "live", title: "Live", size: 50, postsPerHour: 60,
                               mix: MessageMix(deleted: 0.3, edited: 0.4))],
        accounts: [AccountSpec(phone: "9996621234")])

    func testNewPostsEditsAndDeletionsAppearInTruth() throws {
        let world = World(spec: Self.spec)
        let channel = try XCTUnwrap(world.channel(username: "live"))
        let atGenesis = world.truth(channel: channel, at: Self.spec.genesis).compactMap(TruthRecord.init)
        XCTAssertEqual(atGenesis.last.map { $0.id <= 50 }, true)
        let later = Self.spec.genesis.addingTimeInterval(12 * 3_600)
        let records = world.truth(channel: channel, at: later).compactMap(TruthRecord.init)
        let newIDs = records.map(\.id).filter { $0 > 50 }
        XCTAssertGreaterThan(newIDs.count, 500)
        XCTAssertTrue(records.contains { $0.id > 50 && $0.editDate != nil }, "late edits")
        let top = try XCTUnwrap(records.last?.id)
        XCTAssertLessThan(newIDs.count, top - 50, "late deletions leave gaps")
        XCTAssertEqual(records.map(\.id), records.map(\.id).sorted())
    }

    func testChannelDifferenceReportsWhatChangedSincePts() throws {
        var harness = SandboxHarness(spec: Self.spec)
        try harness.logIn()
        let input = try harness.input("live")
        let genesisPts = Int32(50)
        let empty = try harness.value(Api.Updates.GetChannelDifference(channel: input, filter: .channelMessagesFilterEmpty, pts: genesisPts, limit: 100))
        guard case .channelDifferenceEmpty(let nothing) = empty else { return XCTFail("got \(empty)") }
        XCTAssertEqual(nothing.pts, genesisPts)

        harness.now += 8 * 3_600
        var pts = genesisPts
        var posted = Set<Int>(), edited = Set<Int>(), deleted = Set<Int>()
        while true {
            let answer = try harness.value(Api.Updates.GetChannelDifference(channel: input, filter: .channelMessagesFilterEmpty, pts: pts, limit: 100))
            guard case .channelDifference(let difference) = answer else { break }
            XCTAssertGreaterThan(difference.pts, pts)
            pts = difference.pts
            posted.formUnion(difference.newMessages.map(\.sandboxID))
            for update in difference.otherUpdates {
                switch update {
                case .updateEditChannelMessage(let edit): edited.insert(edit.message.sandboxID)
                case .updateDeleteChannelMessages(let deletion): deleted.formUnion(deletion.messages.map(Int.init))
                default: XCTFail("unexpected update \(update)")
                }
            }
            if difference.final { break }
        }
        let channel = try XCTUnwrap(harness.api.world.channel(username: "live"))
        let now = Int64(harness.now.timeIntervalSince1970)
        XCTAssertEqual(Int(pts), channel.pts(at: now))
        let truthNew = Set(harness.api.world.truth(channel: channel, at: harness.now).map(\.sandboxID).filter { $0 > 50 })
        XCTAssertEqual(posted, truthNew)
        XCTAssertFalse(edited.isEmpty)
        XCTAssertFalse(deleted.isEmpty)
        XCTAssertTrue(deleted.isDisjoint(with: truthNew))
    }

    func testDifferenceFromBeforeGenesisIsTooLong() throws {
        var harness = SandboxHarness(spec: Self.spec, offset: 3_600)
        try harness.logIn()
        let answer = try harness.value(Api.Updates.GetChannelDifference(
            channel: harness.input("live"), filter: .channelMessagesFilterEmpty, pts: 1, limit: 100))
        guard case .channelDifferenceTooLong(let tooLong) = answer else { return XCTFail("got \(answer)") }
        XCTAssertFalse(tooLong.messages.isEmpty)
    }
}
