import Foundation
import XCTest
@testable import Archive

final class ReadOnlyTests: XCTestCase {
    private func archiveWithOnePage() throws -> String {
        let path = try Fixtures.temporaryDirectory(self).appendingPathComponent("archive.sqlite").path
        let store = try ArchiveStore(path: path)
        try store.commitPage(channel: Fixtures.channel, job: Fixtures.job, messages: Fixtures.page(1...5),
                             checkpoint: Checkpoint(head: 5, tail: 1), now: Fixtures.now)
        return path
    }

    func testCommittingToAReadOnlyArchiveFailsNamingTheFileAndKeepsTheCheckpoint() throws {
        let path = try archiveWithOnePage()
        let store = try ArchiveStore(path: path, readOnly: true)

        let error = Fixtures.archiveError {
            try store.commitPage(channel: Fixtures.channel, job: Fixtures.job, messages: Fixtures.page(6...10),
                                 checkpoint: Checkpoint(head: 10, tail: 1), now: Fixtures.now)
        }

        XCTAssertEqual(error, .readOnly(path: path))
        XCTAssertTrue(error?.description.contains(path) ?? false)
        XCTAssertEqual(try store.checkpoint(job: Fixtures.job, channel: Fixtures.channel.id), Checkpoint(head: 5, tail: 1))
        XCTAssertEqual(try store.messageCount(channel: Fixtures.channel.id), 5)
    }

    func testAFileWithoutWritePermissionRefusesCommits() throws {
        try XCTSkipIf(geteuid() == 0, "root ignores file permissions")
        let path = try archiveWithOnePage()
        XCTAssertEqual(chmod(path, 0o400), 0)
        addTeardownBlock { chmod(path, 0o600) }

        let error = Fixtures.archiveError { () throws -> PageCommitResult in
            let store = try ArchiveStore(path: path)
            return try store.commitPage(channel: Fixtures.channel, job: Fixtures.job, messages: Fixtures.page(6...10),
                                        checkpoint: Checkpoint(head: 10, tail: 1), now: Fixtures.now)
        }

        XCTAssertEqual(error, .readOnly(path: path))
        let reader = try ArchiveStore(path: path, readOnly: true)
        XCTAssertEqual(try reader.checkpoint(job: Fixtures.job, channel: Fixtures.channel.id), Checkpoint(head: 5, tail: 1))
    }

    func testOpeningAMissingFileReadOnlyFails() throws {
        let path = try Fixtures.temporaryDirectory(self).appendingPathComponent("none.sqlite").path

        let error = Fixtures.archiveError { try ArchiveStore(path: path, readOnly: true) }

        guard case .openFailed(path, _)? = error else { return XCTFail("got \(String(describing: error))") }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    }
}
