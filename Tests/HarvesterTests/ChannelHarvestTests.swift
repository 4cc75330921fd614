@testable import Archive
import Client
import Foundation
import Harvester
import MTProtoCrypto
import TL
import XCTest

/// The exact incremental algorithm against the sandbox's ground truth.
final class ChannelHarvestTests: XCTestCase {
    func testFirstRunArchivesTheWholeChannelExactly() async throws {
        let harness = try await HarvestHarness()
        let (stop, tally) = await harness.run(HarvestPlan(job: "mid", channel: .username("mid")))
        XCTAssertEqual(stop, .completed)
        let truth = harness.truthIDs("mid")
        XCTAssertGreaterThan(truth.count, 2_000)
        XCTAssertEqual(try harness.allArchivedIDs("mid"), truth)
        XCTAssertEqual(tally.new, truth.count)
        let checkpoint = try XCTUnwrap(harness.store.checkpoint(job: "mid", channel: harness.channelID("mid")))
        XCTAssertEqual(checkpoint.head, truth.last)
        XCTAssertEqual(checkpoint.tail, truth.first)
        XCTAssertTrue(checkpoint.windowStartReached)
        // One request per 100 messages, one to resolve, and one empty answer at the end at most.
        XCTAssertLessThanOrEqual(tally.requests, truth.count / 100 + 3)
    }

    func testTheArchivedRowMatchesTheServersMessageByteForByte() async throws {
        let harness = try await HarvestHarness()
        _ = await harness.run(HarvestPlan(job: "tiny", channel: .username("tiny")))
        let channel = try harness.channelID("tiny")
        for message in harness.sandbox.truth("tiny") {
            let row = try XCTUnwrap(harness.store.message(channel: channel, id: Int32(message.messageID)))
            XCTAssertEqual([UInt8](row.raw), message.serialized(), "message \(message.messageID)")
        }
    }

    func testTextThatIsNotUTF8IsArchivedWithTheBytesTheServerSent() async throws {
        let harness = try await HarvestHarness(invalidUTF8Every: 7)
        _ = await harness.run(HarvestPlan(job: "tiny", channel: .username("tiny")))
        let channel = try harness.channelID("tiny")
        let invalid: [UInt8] = [0xFF, 0xFE, 0xC0, 0x80]
        var checked = 0
        for message in harness.sandbox.truth("tiny") {
            guard case .message(var regular) = message, regular.id % 7 == 0 else { continue }
            let row = try XCTUnwrap(harness.store.message(channel: channel, id: regular.id))
            // What the server sent: the text's bytes start with four that are not UTF-8.
            regular.message = "\u{10FFFF}" + regular.message
            var sent = Api.Message.message(regular).serialized()
            let marker = Array("\u{10FFFF}".utf8)
            let at = try XCTUnwrap(sent.indices.first { sent[$0...].starts(with: marker) })
            sent.replaceSubrange(at..<(at + 4), with: invalid)
            XCTAssertEqual([UInt8](row.raw), sent, "message \(regular.id)")
            XCTAssertEqual(row.text?.hasPrefix("\u{FFFD}"), true, "the text column shows replacement characters")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 3)
    }

    func testJSONLExportWritesEveryMessageAsTheCodecDoesInvalidUTF8Included() async throws {
        let harness = try await HarvestHarness(invalidUTF8Every: 7)
        _ = await harness.run(HarvestPlan(job: "tiny", channel: .username("tiny")))
        let channel = try harness.channelID("tiny")
        var sink = StringExportSink()
        let count = try harness.store.export(.jsonl, filter: ExportFilter(channel: channel), to: &sink)
        let lines = sink.text.split(separator: "\n")
        XCTAssertEqual(lines.count, count)
        XCTAssertGreaterThan(count, 20)
        let codec = TLJSONCodec()
        var invalid = 0
        for line in lines {
            let id = try XCTUnwrap(line.split(separator: ",").dropFirst().first?.split(separator: ":").last.flatMap { Int32($0) })
            let row = try XCTUnwrap(harness.store.message(channel: channel, id: id))
            // The schema-driven codec's text, which the export wrote before it wrote generated types directly.
            let expected = try row.tlJSON(codec).compactText
            XCTAssertTrue(line.hasSuffix(#","message":"# + expected + "}"), "message \(id): \(line)")
            if expected.contains("_invalid_utf8") { invalid += 1 }
        }
        XCTAssertGreaterThan(invalid, 3, "messages whose text is not UTF-8 keep their bytes in the export")
    }

    func testASecondRunRightAfterwardsFetchesOnlyTheNewestPageAndStoresNothingNew() async throws {
        let harness = try await HarvestHarness()
        _ = await harness.run(HarvestPlan(job: "mid", channel: .username("mid")))
        let (stop, tally) = await harness.run(HarvestPlan(job: "mid", channel: .username("mid")))
        XCTAssertEqual(stop, .completed)
        XCTAssertEqual(tally.new, 0)
        XCTAssertLessThanOrEqual(tally.requests, 1, "the peer is cached; catch-up asks once and gets nothing")
    }

    func testNewPostsEditsAndDeletionsBetweenRunsAreArchivedVersionedAndMarked() async throws {
        let harness = try await HarvestHarness()
        let plan = HarvestPlan(job: "mid", channel: .username("mid"), refresh: 2 * 86_400)
        _ = await harness.run(plan)
        let before = Set(harness.truthIDs("mid"))
        harness.sandbox.clock.advance(by: 30 * 3_600)
        let after = Set(harness.truthIDs("mid"))
        let (stop, tally) = await harness.run(plan)
        XCTAssertEqual(stop, .completed)

        let posted = after.subtracting(before)
        let vanished = before.subtracting(after)
        XCTAssertGreaterThan(posted.count, 100)
        XCTAssertFalse(vanished.isEmpty, "the world deletes some recent posts within hours")
        XCTAssertEqual(try harness.liveArchivedIDs("mid"), after.sorted())
        XCTAssertEqual(Set(try harness.allArchivedIDs("mid")), before.union(after), "deleted rows stay")
        XCTAssertEqual(tally.new, posted.count)
        XCTAssertEqual(tally.deleted, vanished.count)

        // Every message the server shows now is stored exactly as served, and edits left a version.
        let channel = try harness.channelID("mid")
        var versioned = 0
        for message in harness.sandbox.truth("mid") {
            let row = try XCTUnwrap(harness.store.message(channel: channel, id: Int32(message.messageID)))
            XCTAssertEqual([UInt8](row.raw), message.serialized(), "message \(message.messageID)")
            if try !harness.store.versions(channel: channel, id: Int32(message.messageID)).isEmpty { versioned += 1 }
        }
        XCTAssertEqual(versioned, tally.versioned)
        XCTAssertGreaterThan(versioned, 0, "some posts of the first run were edited since")
    }

    func testRunsCutShortByLimitsConvergeOnExactlyTheServersMessages() async throws {
        let harness = try await HarvestHarness()
        var runs = 0
        var fetched = 0
        while runs < 100 {
            runs += 1
            let plan = HarvestPlan(job: "mid", channel: .username("mid"), limits: RunLimits(requests: 3 + runs % 4))
            let (stop, tally) = await harness.run(plan)
            fetched += tally.new
            if stop == .completed { break }
            XCTAssertEqual(stop, .limitReached(.requests(3 + runs % 4)))
            harness.sandbox.clock.advance(by: 600)
        }
        XCTAssertLessThan(runs, 100)
        let truth = harness.truthIDs("mid")
        XCTAssertEqual(try harness.liveArchivedIDs("mid").count, try harness.allArchivedIDs("mid").count - 0, "no refresh: nothing marked")
        // Everything the server held at any point is archived once; what it holds now is all there.
        XCTAssertTrue(Set(try harness.allArchivedIDs("mid")).isSuperset(of: truth))
        XCTAssertEqual(fetched, try harness.allArchivedIDs("mid").count, "no message counted new twice")
    }

    func testAnAbandonedRunResumesFromItsLastCommittedPageWithoutGapsOrDuplicates() async throws {
        let harness = try await HarvestHarness()
        let plan = HarvestPlan(job: "mid", channel: .username("mid"))
        var generator = SeededRandom(seed: 5)
        var newTotal = 0
        for _ in 0..<6 {
            // Drop the run after a random number of steps, as a SIGKILL between commits would.
            var harvest = harness.harvest(plan)
            for _ in 0..<Int.random(in: 1...5, using: &generator) {
                if case .stopped = await harvest.step() { break }
            }
            newTotal += harvest.tally.new
        }
        let (stop, tally) = await harness.run(plan)
        newTotal += tally.new
        XCTAssertEqual(stop, .completed)
        XCTAssertEqual(try harness.allArchivedIDs("mid"), harness.truthIDs("mid"))
        XCTAssertEqual(newTotal, harness.truthIDs("mid").count)
    }

    func testTheWindowBoundsWhatIsArchivedAndWideningItExtendsTheBackfill() async throws {
        let harness = try await HarvestHarness()
        let channel = try harness.channelID("mid")
        let truth = harness.sandbox.truth("mid")
        let dates = truth.compactMap(\.unixDate)
        let middle = Date(timeIntervalSince1970: TimeInterval(dates[dates.count / 2]))
        let early = Date(timeIntervalSince1970: TimeInterval(dates[dates.count / 4]))

        _ = await harness.run(HarvestPlan(job: "w", channel: .username("mid"), window: HarvestWindow(since: middle)))
        let inWindow = truth.filter { ($0.unixDate ?? 0) >= Int(middle.timeIntervalSince1970) }.map { Int32($0.messageID) }
        XCTAssertEqual(try harness.allArchivedIDs("mid"), inWindow)

        // Narrowing keeps what is archived and fetches nothing old.
        let (_, narrowed) = await harness.run(HarvestPlan(job: "w", channel: .username("mid"),
                                                          window: HarvestWindow(since: middle.addingTimeInterval(3_600))))
        XCTAssertEqual(narrowed.new, 0)
        XCTAssertEqual(try harness.allArchivedIDs("mid"), inWindow)

        // Widening reaches back to the earlier start.
        _ = await harness.run(HarvestPlan(job: "w", channel: .username("mid"), window: HarvestWindow(since: early)))
        let wider = truth.filter { ($0.unixDate ?? 0) >= Int(early.timeIntervalSince1970) }.map { Int32($0.messageID) }
        XCTAssertEqual(try harness.allArchivedIDs("mid"), wider)
        XCTAssertEqual(try harness.store.checkpoint(job: "w", channel: channel)?.windowStart, early)
    }

    func testUntilAndIDBoundsAreHonoured() async throws {
        let harness = try await HarvestHarness()
        let truth = harness.sandbox.truth("mid")
        let until = Date(timeIntervalSince1970: TimeInterval(truth[truth.count * 2 / 3].unixDate ?? 0))
        _ = await harness.run(HarvestPlan(job: "u", channel: .username("mid"),
                                          window: HarvestWindow(until: until, minID: 500)))
        let expected = truth.filter { ($0.unixDate ?? 0) < Int(until.timeIntervalSince1970) && $0.messageID >= 500 }
        XCTAssertEqual(try harness.allArchivedIDs("mid"), expected.map { Int32($0.messageID) })

        let harness2 = try await HarvestHarness()
        _ = await harness2.run(HarvestPlan(job: "ids", channel: .username("mid"), window: HarvestWindow(minID: 1_000, maxID: 1_450)))
        XCTAssertEqual(try harness2.allArchivedIDs("mid"), truth.map { Int32($0.messageID) }.filter { (1_000...1_450).contains($0) })
    }

    func testAMessageLimitStopsAfterThePageThatReachesIt() async throws {
        let harness = try await HarvestHarness()
        let (stop, tally) = await harness.run(HarvestPlan(job: "m", channel: .username("mid"), limits: RunLimits(messages: 250)))
        XCTAssertEqual(stop, .limitReached(.messages(250)))
        XCTAssertEqual(tally.new, 300, "pages are whole: the limit is checked between them")
    }

    func testTheRunWindowEndDefersTheRun() async throws {
        let harness = try await HarvestHarness()
        let end = harness.now
        let (stop, tally) = await harness.run(HarvestPlan(job: "r", channel: .username("mid"), limits: RunLimits(runWindowEnd: end)))
        XCTAssertEqual(stop, .deferred(.runWindowEnded(end)))
        XCTAssertEqual(tally.requests, 0)
    }

    func testAFloodWaitAboveTheMaximumDefersAndTheNextRunResumes() async throws {
        let harness = try await HarvestHarness(flood: .telegramLike, floodWaitMax: .seconds(1))
        let (stop, first) = await harness.run(HarvestPlan(job: "f", channel: .username("long")))
        guard case .deferred(.floodWait(let seconds, let method)) = stop else {
            return XCTFail("expected a flood deferral, got \(stop)")
        }
        XCTAssertEqual(method, "messages.getHistory")
        XCTAssertGreaterThan(seconds, 1)
        XCTAssertGreaterThan(first.new, 0)
        var stopNow = stop
        var rounds = 0
        while stopNow != .completed, rounds < 50 {
            harness.sandbox.clock.advance(by: 60)
            stopNow = await harness.run(HarvestPlan(job: "f", channel: .username("long"))).0
            rounds += 1
        }
        XCTAssertEqual(stopNow, .completed)
        XCTAssertEqual(try harness.allArchivedIDs("long"), harness.truthIDs("long"))
    }

    func testAnUnknownChannelFailsTheRunClearly() async throws {
        let harness = try await HarvestHarness()
        let (stop, _) = await harness.run(HarvestPlan(job: "x", channel: .username("no_such_channel")))
        XCTAssertEqual(stop, .failed("@no_such_channel is not a readable channel"))
    }

    func testAReadOnlyArchiveFailsTheRunAndKeepsThePreviousCheckpoint() async throws {
        let harness = try await HarvestHarness()
        let plan = HarvestPlan(job: "ro", channel: .username("mid"), limits: RunLimits(requests: 4))
        _ = await harness.run(plan)
        let channel = try harness.channelID("mid")
        let before = try harness.store.checkpoint(job: "ro", channel: channel)
        let readOnly = try ArchiveStore(path: harness.store.path, readOnly: true)
        let meter = RunMeter()
        var harvest = ChannelHarvest(
            plan: HarvestPlan(job: "ro", channel: .username("mid")),
            invoker: InvocationPipeline(floodObserver: meter, clock: harness.sandbox.clock).wrap(harness.sandbox.terminal()),
            peerCache: harness.peers, store: readOnly, clock: harness.sandbox.clock, meter: meter)
        let stop = await harvest.run()
        guard case .failed(let message) = stop else { return XCTFail("expected a failure, got \(stop)") }
        XCTAssertTrue(message.hasPrefix("archive:"), message)
        XCTAssertEqual(try harness.store.checkpoint(job: "ro", channel: channel), before)
    }
}

