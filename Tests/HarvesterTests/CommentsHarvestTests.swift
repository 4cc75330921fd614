import Archive
import Client
import Foundation
import Harvester
import Sandbox
import SandboxTestSupport
import TL
import TestSupport
import XCTest

/// Comments (issue #18): a channel's linked discussion group read like a channel after its posts, each
/// comment stored with its sender and linked to its post.
final class CommentsHarvestTests: XCTestCase {
    /// `talk` (300 posts) with its group `talk_chat` (about 5 comments a post, edits, deletions, replies to replies).
    static let spec = WorldSpec(
        seed: 18, genesis: Date(timeIntervalSince1970: 1_767_225_600),
        channels: [
            ChannelSpec(username: "talk", title: "Talk", size: 300, postsPerHour: 2,
                        discussion: DiscussionSpec(username: "talk_chat", title: "Talk Chat", commentsPerPost: 5)),
        ],
        accounts: [AccountSpec(phone: "9996621234", firstName: "Alice")])

    private func plan(limits: RunLimits = RunLimits()) -> HarvestPlan {
        HarvestPlan(job: "talk", channel: .username("talk"), limits: limits, comments: true)
    }

    /// The group's truth: (id, post, sender Bot API id) of every message.
    private func groupTruth(_ harness: HarvestHarness) throws -> [(id: Int32, post: Int32, sender: Int64)] {
        let channel = try XCTUnwrap(harness.sandbox.world.channel(username: "talk"))
        return channel.commentTruth(at: harness.now).map { record in
            (Int32(record.id), Int32(record.post),
             record.fromType == "channel" ? -1_000_000_000_000 - record.fromID : record.fromID)
        }
    }

    private func assertArchiveEqualsTruth(_ harness: HarvestHarness, file: StaticString = #filePath, line: UInt = #line) throws {
        let channel = try XCTUnwrap(harness.sandbox.world.channel(username: "talk"))
        let group = try XCTUnwrap(channel.discussion).id
        let truth = try groupTruth(harness)
        XCTAssertGreaterThan(truth.count, 1_000, file: file, line: line)
        let archived = try harness.store.archivedIDs(channel: group, in: 0...Int32.max)
        // Comments deleted since a run archived them stay in the archive (nothing refreshes here).
        let missing = Set(truth.map(\.id)).subtracting(archived)
        XCTAssertTrue(missing.isEmpty, "group messages not archived: \(missing.sorted().prefix(20))", file: file, line: line)
        let users = try harness.store.users()
        for expected in truth {
            let row = try XCTUnwrap(try harness.store.message(channel: group, id: expected.id), file: file, line: line)
            XCTAssertEqual(row.commentOf, expected.post, "post of group message \(expected.id)", file: file, line: line)
            XCTAssertEqual(row.senderId, expected.sender, "sender of group message \(expected.id)", file: file, line: line)
            XCTAssertNotNil(users[expected.sender], "sender \(expected.sender) in users", file: file, line: line)
        }
        XCTAssertEqual(try harness.store.discussionGroup(of: channel.id), group, file: file, line: line)
    }

    func testCommentsAreArchivedWithSendersAndPostsAtOneRequestPerHundred() async throws {
        let harness = try await HarvestHarness(spec: Self.spec)
        let (stop, tally) = await harness.run(plan())
        XCTAssertEqual(stop, .completed)
        try assertArchiveEqualsTruth(harness)
        let posts = harness.truthIDs("talk").count
        let groupMessages = try groupTruth(harness).count
        // Resolve, the channel's pages, getFullChannel, the group's pages (each ends with one short or empty page).
        let expected = 1 + (posts / 100 + 1) + 1 + (groupMessages / 100 + 1)
        XCTAssertLessThanOrEqual(tally.requests, expected + 2, "\(tally.requests) requests for \(posts) posts and \(groupMessages) group messages")
        print("comments harvest: \(tally.requests) requests for \(posts) posts and \(groupMessages) group messages")
    }

    func testAnIncrementalRunFetchesOnlyNewCommentsAndLinksThem() async throws {
        let harness = try await HarvestHarness(spec: Self.spec)
        _ = await harness.run(plan())
        let group = try XCTUnwrap(harness.sandbox.world.channel(username: "talk")?.discussion).id
        let archivedBefore = try harness.store.archivedIDs(channel: group, in: 0...Int32.max)
        let newestBefore = try XCTUnwrap(archivedBefore.max())
        let postsBefore = try harness.allArchivedIDs("talk").count
        harness.sandbox.clock.advance(by: 6 * 3_600)
        let (stop, tally) = await harness.run(plan())
        XCTAssertEqual(stop, .completed)
        let newInGroup = try groupTruth(harness).filter { $0.id > newestBefore }.count
        let newPosts = try harness.allArchivedIDs("talk").count - postsBefore
        XCTAssertGreaterThan(newInGroup, 0, "the world commented meanwhile")
        XCTAssertEqual(tally.new, newInGroup + newPosts, "only what is new is archived")
        XCTAssertLessThanOrEqual(tally.requests, 6, "catch-up: resolve from cache, one page each, getFullChannel")
        try assertArchiveEqualsTruth(harness)
    }

    func testRunsAbandonedAtRandomStepsConvergeOnTheGroupsMessages() async throws {
        let harness = try await HarvestHarness(spec: Self.spec)
        var generator = SeededRandom(seed: 18)
        for _ in 0..<12 {
            // Drop the run after a random number of steps, as a SIGKILL between commits would.
            var harvest = harness.harvest(plan())
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                if case .stopped = await harvest.step() { break }
            }
        }
        let (stop, _) = await harness.run(plan())
        XCTAssertEqual(stop, .completed)
        try assertArchiveEqualsTruth(harness)
    }

    func testAnIdWindowBoundsThePostsNotTheGroupAndASecondRunDoesNotReadTheGroupAgain() async throws {
        let harness = try await HarvestHarness(spec: Self.spec)
        let windowed = HarvestPlan(job: "talk", channel: .username("talk"), window: HarvestWindow(minID: 200), comments: true)
        _ = await harness.run(windowed)
        XCTAssertEqual(try harness.allArchivedIDs("talk").min(), 200)
        try assertArchiveEqualsTruth(harness)
        let (stop, tally) = await harness.run(windowed)
        XCTAssertEqual(stop, .completed)
        XCTAssertEqual(tally.new, 0)
        XCTAssertLessThanOrEqual(tally.requests, 3, "one catch-up page each and getFullChannel, no second backfill")
    }

    func testRefreshMarksCommentsDeletedSinceAndKeepsEditsAsVersions() async throws {
        let harness = try await HarvestHarness(spec: Self.spec)
        let refreshing = HarvestPlan(job: "talk", channel: .username("talk"), refresh: 30 * 86_400, comments: true)
        _ = await harness.run(refreshing)
        let group = try XCTUnwrap(harness.sandbox.world.channel(username: "talk")?.discussion).id
        let before = Set(try groupTruth(harness).map(\.id))
        harness.sandbox.clock.advance(by: 3 * 86_400)
        let (stop, tally) = await harness.run(refreshing)
        XCTAssertEqual(stop, .completed)
        let now = Set(try groupTruth(harness).map(\.id))
        let vanished = before.subtracting(now)
        XCTAssertFalse(vanished.isEmpty, "the world deleted comments meanwhile")
        for id in vanished {
            XCTAssertNotNil(try harness.store.message(channel: group, id: id)?.deletedAt, "comment \(id) marked deleted")
        }
        for id in now {
            XCTAssertNil(try harness.store.message(channel: group, id: id)?.deletedAt, "comment \(id) still there")
        }
        XCTAssertGreaterThanOrEqual(tally.deleted, vanished.count)
    }

    func testAPublicSupergroupIsArchivedAsAChannelWithItsSenders() async throws {
        let harness = try await HarvestHarness(spec: Self.spec)
        let (stop, tally) = await harness.run(HarvestPlan(job: "chat", channel: .username("talk_chat")))
        XCTAssertEqual(stop, .completed)
        let group = try XCTUnwrap(harness.sandbox.world.channel(username: "talk")?.discussion).id
        let truth = try groupTruth(harness)
        XCTAssertEqual(tally.new, truth.count)
        let users = try harness.store.users()
        for expected in truth {
            let row = try XCTUnwrap(try harness.store.message(channel: group, id: expected.id))
            XCTAssertEqual(row.senderId, expected.sender, "sender of \(expected.id)")
            XCTAssertNotNil(users[expected.sender])
        }
    }

    func testAChannelWithoutDiscussionGroupCompletesWithoutComments() async throws {
        let harness = try await HarvestHarness()
        let (stop, tally) = await harness.run(HarvestPlan(job: "tiny", channel: .username("tiny"), comments: true))
        XCTAssertEqual(stop, .completed)
        XCTAssertEqual(tally.new, harness.truthIDs("tiny").count)
        XCTAssertNil(try harness.store.discussionGroup(of: try harness.channelID("tiny")))
    }
}
