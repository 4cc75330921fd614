import Foundation
import XCTest
@testable import Archive

/// Kills a real process with SIGKILL in the middle of a page commit and inspects what it left on disk.
///
/// The parent test re-runs this test binary with `KillDuringCommitTests/testChildCommitsUntilKilled` and the
/// archive's path in `ARCHIVE_KILL_CHILD_DB`; without that variable the child test skips.
final class KillDuringCommitTests: XCTestCase {
    private static let environmentKey = "ARCHIVE_KILL_CHILD_DB"
    private static let pagesBeforeKill = 7

    func testAKill9MidPageLeavesTheLastCommittedPageAndCheckpoint() throws {
        let path = try Fixtures.temporaryDirectory(self).appendingPathComponent("archive.sqlite").path
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        child.arguments = ["ArchiveTests.KillDuringCommitTests/testChildCommitsUntilKilled"]
        child.environment = ProcessInfo.processInfo.environment.merging([Self.environmentKey: path]) { $1 }
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        try child.run()
        child.waitUntilExit()

        XCTAssertEqual(child.terminationReason, .uncaughtSignal)
        XCTAssertEqual(child.terminationStatus, SIGKILL)
        let store = try ArchiveStore(path: path)
        let committed = Int32(Self.pagesBeforeKill * 100)
        XCTAssertEqual(try store.checkpoint(job: Fixtures.job, channel: Fixtures.channel.id),
                       Checkpoint(head: committed, tail: 1))
        XCTAssertEqual(try store.archivedIDs(channel: Fixtures.channel.id, in: 1...(committed + 100)), Array(1...committed))
        XCTAssertEqual(try store.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }, "ok")
        XCTAssertEqual(DatabaseFileMode.permissions(of: path), 0o600)
    }

    func testChildCommitsUntilKilled() throws {
        guard let path = ProcessInfo.processInfo.environment[Self.environmentKey] else {
            throw XCTSkip("runs only as the child of testAKill9MidPageLeavesTheLastCommittedPageAndCheckpoint")
        }
        let store = try ArchiveStore(path: path)
        for page in 0...Self.pagesBeforeKill {
            let low = Int32(page * 100 + 1)
            _ = try store.commitPage(
                channel: Fixtures.channel, job: Fixtures.job, messages: Fixtures.page(low...(low + 99)),
                checkpoint: Checkpoint(head: low + 99, tail: 1), now: Fixtures.now,
                beforeEachMessage: { index in
                    if page == Self.pagesBeforeKill, index == 60 { kill(getpid(), SIGKILL) }
                })
        }
        XCTFail("the child should have been killed")
    }
}
