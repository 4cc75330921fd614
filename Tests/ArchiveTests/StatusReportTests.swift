import Foundation
import XCTest
@testable import Archive

final class StatusReportTests: XCTestCase {
    private func archiveWithTwoJobs() throws -> ArchiveStore {
        let store = try Fixtures.store(self)
        try store.commitPage(channel: Fixtures.channel, job: "nightly", messages: Fixtures.page(1...40),
                             checkpoint: Checkpoint(head: 40, tail: 1, windowStartReached: true), now: Fixtures.now)
        try store.markDeleted(channel: Fixtures.channel.id, ids: [7], noticedAt: Fixtures.now)
        try store.commitPage(channel: ChannelInfo(id: 2_002, title: "Private Notes"), job: "weekly",
                             messages: [Fixtures.post(5, channelId: 2_002)], checkpoint: Checkpoint(head: 5, tail: 5),
                             now: Fixtures.now)
        let run = try store.beginRun(job: "nightly", channel: Fixtures.channel.id, startedAt: Fixtures.now)
        try store.finishRun(id: run, outcome: RunOutcome(status: .deferred, endedAt: Fixtures.now.addingTimeInterval(90),
                                                         messagesNew: 40, requests: 3, floodWaits: 2,
                                                         deferralReason: "budget until 2024-07-04"))
        return store
    }

    func testTheTableShowsEveryJobAndChannel() throws {
        let store = try archiveWithTwoJobs()

        var report = try store.statusReport()
        report.rows[0].nextDue = Fixtures.now.addingTimeInterval(86_400)
        report.rows[0].nextDueZone = "Europe/Berlin"

        XCTAssertEqual(report.table(timeZone: TimeZone(identifier: "UTC") ?? .current), """
            JOB      CHANNEL        ARCHIVED  DELETED  HEAD  TAIL  OLDEST            NEWEST            LAST RUN                   FLOODS  DEFERRED                 NEXT DUE
            nightly  @tgcron_news   40        1        40    1     2024-05-01 12:01  2024-05-01 12:40  deferred 2024-07-03 09:46  2       budget until 2024-07-04  2024-07-04 11:46 Europe/Berlin
            weekly   Private Notes  1         0        5     5     2024-05-01 12:05  2024-05-01 12:05  -                          0       -                        -

            """)
    }

    func testTheJSONHasOneObjectPerRow() throws {
        let store = try archiveWithTwoJobs()

        let json = try store.statusReport().json()

        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let rows = try XCTUnwrap(root["rows"] as? [[String: Any]])
        XCTAssertEqual(rows.count, 2)
        XCTAssertEqual(rows[0]["job"] as? String, "nightly")
        XCTAssertEqual(rows[0]["archived"] as? Int, 40)
        XCTAssertEqual(rows[0]["last_run_status"] as? String, "deferred")
        XCTAssertEqual(rows[0]["flood_waits"] as? Int, 2)
        XCTAssertEqual(rows[0]["oldest"] as? String, "2024-05-01T12:01:00Z")
        XCTAssertNil(rows[1]["last_run_status"])
    }

    func testAJobDeferredBeforeItsFirstPageStillHasARow() throws {
        let store = try Fixtures.store(self)
        let run = try store.beginRun(job: "nightly", channel: 3_003, startedAt: Fixtures.now)
        try store.finishRun(id: run, outcome: RunOutcome(status: .deferred, endedAt: Fixtures.now, floodWaits: 1,
                                                         deferralReason: "cool-down"))

        let rows = try store.statusReport().rows

        XCTAssertEqual(rows.map(\.channelTitle), ["3003"])
        XCTAssertEqual(rows.first?.archived, 0)
        XCTAssertNil(rows.first?.head)
        XCTAssertEqual(rows.first?.deferralReason, "cool-down")
    }

    func testAnEmptyArchiveHasOnlyTheHeader() throws {
        let store = try Fixtures.store(self)

        let table = try store.statusReport().table()

        XCTAssertEqual(table.split(separator: "\n").count, 1)
        XCTAssertTrue(table.hasPrefix("JOB"))
    }
}
