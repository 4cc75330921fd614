import Foundation
import TL
import XCTest
@testable import Archive

/// The store's promise: the committed checkpoint never claims more than the committed messages.
final class CheckpointSafetyTests: XCTestCase {
    private struct SimulatedCrash: Error {}

    private let channel = Fixtures.channel
    private let job = Fixtures.job

    func testAFailureMidPageLeavesThePreviousMessagesAndCheckpointIntact() throws {
        let store = try Fixtures.store(self)
        try store.commitPage(channel: channel, job: job, messages: Fixtures.page(1...100),
                             checkpoint: Checkpoint(head: 100, tail: 1), now: Fixtures.now)

        XCTAssertThrowsError(try store.commitPage(
            channel: channel, job: job, messages: Fixtures.page(101...200), checkpoint: Checkpoint(head: 200, tail: 1),
            now: Fixtures.now, beforeEachMessage: { index in if index == 50 { throw SimulatedCrash() } }))

        XCTAssertEqual(try store.checkpoint(job: job, channel: channel.id), Checkpoint(head: 100, tail: 1))
        XCTAssertEqual(try store.messageCount(channel: channel.id), 100)
        XCTAssertEqual(try store.archivedIDs(channel: channel.id, in: 101...200), [])
    }

    func testAFailureMidEditLeavesNeitherTheNewContentNorAVersion() throws {
        let store = try Fixtures.store(self)
        try store.commitPage(channel: channel, job: job, messages: [Fixtures.post(1, text: "old"), Fixtures.post(2)],
                             checkpoint: Checkpoint(head: 2, tail: 1), now: Fixtures.now)

        XCTAssertThrowsError(try store.commitPage(
            channel: channel, job: job, messages: [Fixtures.post(1, text: "new"), Fixtures.post(2)],
            checkpoint: Checkpoint(head: 2, tail: 1), now: Fixtures.now,
            beforeEachMessage: { index in if index == 1 { throw SimulatedCrash() } }))

        XCTAssertEqual(try store.message(channel: channel.id, id: 1)?.text, "old")
        XCTAssertEqual(try store.versions(channel: channel.id, id: 1), [])
    }

    func testACheckpointAboveTheStoredMessagesIsRejectedWithItsPage() throws {
        let store = try Fixtures.store(self)
        try store.commitPage(channel: channel, job: job, messages: Fixtures.page(1...10),
                             checkpoint: Checkpoint(head: 10, tail: 1), now: Fixtures.now)

        let error = Fixtures.archiveError {
            try store.commitPage(channel: channel, job: job, messages: Fixtures.page(11...20),
                                 checkpoint: Checkpoint(head: 25, tail: 1), now: Fixtures.now)
        }

        guard case .checkpointRejected(job, channel.id, _)? = error else { return XCTFail("got \(String(describing: error))") }
        XCTAssertEqual(try store.checkpoint(job: job, channel: channel.id), Checkpoint(head: 10, tail: 1))
        XCTAssertEqual(try store.archivedIDs(channel: channel.id, in: 11...20), [])
    }

    func testAPageWithAnotherChannelsMessageIsRejectedWhole() throws {
        let store = try Fixtures.store(self)

        let error = Fixtures.archiveError {
            try store.commitPage(channel: channel, job: job, messages: [Fixtures.post(1), Fixtures.post(2, channelId: 9)],
                                 checkpoint: Checkpoint(head: 2, tail: 1), now: Fixtures.now)
        }

        XCTAssertEqual(error, .messageOutsideChannel(channel: channel.id, id: 2))
        XCTAssertEqual(try store.messageCount(channel: channel.id), 0)
        XCTAssertNil(try store.checkpoint(job: job, channel: channel.id))
    }

    func testATailAboveTheHeadIsRejected() throws {
        let store = try Fixtures.store(self)

        let error = Fixtures.archiveError {
            try store.commitPage(channel: channel, job: job, messages: Fixtures.page(1...10),
                                 checkpoint: Checkpoint(head: 5, tail: 8), now: Fixtures.now)
        }

        guard case .checkpointRejected? = error else { return XCTFail("got \(String(describing: error))") }
        XCTAssertNil(try store.checkpoint(job: job, channel: channel.id))
        XCTAssertEqual(try store.messageCount(channel: channel.id), 0)
    }

    /// A harvester that crashes inside its second page, process after process, and restarts from the stored
    /// checkpoint ends with every message exactly once; at every restart the checkpoint's range is fully stored.
    func testBackfillResumesAfterRepeatedCrashesWithoutGapsOrDuplicates() throws {
        let path = try Fixtures.temporaryDirectory(self).appendingPathComponent("archive.sqlite").path
        let newest: Int32 = 1_000
        let crashingProcesses = 6
        var crashes = 0
        var finished = false
        while !finished {
            // A new process: open the file, read where the last one got to.
            let store = try ArchiveStore(path: path)
            let stored = try store.checkpoint(job: job, channel: channel.id) ?? Checkpoint()
            if let head = stored.head, let tail = stored.tail {
                XCTAssertEqual(try store.archivedIDs(channel: channel.id, in: tail...head), Array(tail...head))
            }
            var tail = stored.tail ?? newest + 1
            var pagesThisProcess = 0
            do {
                while tail > 1 {
                    let low = max(1, tail - 100)
                    let crashAt = pagesThisProcess == 1 && crashes < crashingProcesses ? (crashes * 37) % 100 : nil
                    _ = try store.commitPage(
                        channel: channel, job: job, messages: Array(Fixtures.page(low...(tail - 1)).reversed()),
                        checkpoint: Checkpoint(head: stored.head ?? newest, tail: low, windowStartReached: low == 1),
                        now: Fixtures.now, beforeEachMessage: { index in if index == crashAt { throw SimulatedCrash() } })
                    tail = low
                    pagesThisProcess += 1
                }
                finished = true
            } catch {
                crashes += 1
            }
        }

        let store = try ArchiveStore(path: path)
        XCTAssertEqual(crashes, crashingProcesses)
        XCTAssertEqual(try store.checkpoint(job: job, channel: channel.id),
                       Checkpoint(head: newest, tail: 1, windowStartReached: true))
        XCTAssertEqual(try store.messageCount(channel: channel.id), Int(newest))
        XCTAssertEqual(try store.archivedIDs(channel: channel.id, in: 1...newest), Array(1...newest))
    }
}
