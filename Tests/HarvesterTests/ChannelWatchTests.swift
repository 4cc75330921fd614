import Archive
import Client
import Foundation
import Harvester
import TL
import XCTest

/// Watch mode against the sandbox's update stream.
final class ChannelWatchTests: XCTestCase {
    func testPostsEditsAndDeletionsArriveThroughTheUpdateStream() async throws {
        let harness = try await HarvestHarness()
        _ = await harness.run(HarvestPlan(job: "mid", channel: .username("mid")))
        let invoker = InvocationPipeline(clock: harness.sandbox.clock).wrap(harness.sandbox.terminal())
        let watch = ChannelWatch(job: "mid", channel: .username("mid"), invoker: invoker, peerCache: harness.peers,
                                 store: harness.store, clock: harness.sandbox.clock)
        let first = try await watch.poll()
        XCTAssertEqual(first, WatchTally(), "the first poll only records where the stream stands")
        let before = Set(harness.truthIDs("mid"))

        harness.sandbox.clock.advance(by: 3 * 3_600)
        let tally = try await watch.poll(maxRounds: 50)
        let after = Set(harness.truthIDs("mid"))
        XCTAssertEqual(tally.new, after.subtracting(before).count)
        XCTAssertGreaterThan(tally.new, 40, "20 posts an hour")
        XCTAssertEqual(try harness.liveArchivedIDs("mid"), after.sorted(), "deletions marked, posts archived")
        let channel = try harness.channelID("mid")
        for message in harness.sandbox.truth("mid").suffix(200) {
            let row = try XCTUnwrap(harness.store.message(channel: channel, id: Int32(message.messageID)))
            XCTAssertEqual([UInt8](row.raw), message.serialized(), "message \(message.messageID) as the server shows it now")
        }
        let idle = try await watch.poll()
        XCTAssertEqual(idle.new + idle.updated + idle.deleted, 0)
        XCTAssertEqual(idle.requests, 1)
    }
}
