import Archive
import Foundation
import XCTest
@testable import Metrics

final class MetricsTests: XCTestCase {
    private static let start = Date(timeIntervalSince1970: 1_714_564_800)

    /// Records a finished run of `job` that began `minutes` after the start.
    private func run(_ archive: ArchiveScenario, _ job: String, minutes: Double, _ status: RunStatus,
                     new: Int = 0, requests: Int = 0, floods: Int = 0) throws {
        let began = Self.start.addingTimeInterval(minutes * 60)
        let id = try archive.store.beginRun(job: job, channel: ArchiveScenario.channel.id, startedAt: began)
        try archive.store.finishRun(id: id, outcome: RunOutcome(
            status: status, endedAt: began.addingTimeInterval(30), messagesNew: new, messagesUpdated: 1,
            requests: requests, floodWaits: floods, deferralReason: status == .deferred ? "budget" : nil))
    }

    private func archiveWithRuns() throws -> ArchiveScenario {
        let archive = try ArchiveScenario(self)
        try run(archive, "news", minutes: 0, .succeeded, new: 100, requests: 12, floods: 1)
        try run(archive, "news", minutes: 60, .deferred, requests: 3)
        try run(archive, "news", minutes: 120, .succeeded, new: 5, requests: 2)
        try run(archive, #"we"ird\job"#, minutes: 10, .failed, requests: 1, floods: 2)
        _ = try archive.store.beginRun(job: "news", channel: nil, startedAt: Self.start.addingTimeInterval(9000))
        return archive
    }

    func testRunsAreSummedPerJob() throws {
        let totals = try archiveWithRuns().store.runTotals()
        XCTAssertEqual(totals, [
            JobRunTotals(job: "news", runs: 3, messagesNew: 105, messagesUpdated: 3, requests: 17, floodWaits: 1,
                         deferrals: 1, failures: 0, lastSuccess: Self.start.addingTimeInterval(7230),
                         lastStatus: .succeeded, lastRunSeconds: 30),
            JobRunTotals(job: #"we"ird\job"#, runs: 1, messagesUpdated: 1, requests: 1, floodWaits: 2, failures: 1,
                         lastStatus: .failed, lastRunSeconds: 30),
        ])
    }

    func testAdHocBackfillsShareOneSeries() throws {
        let archive = try ArchiveScenario(self)
        try run(archive, "backfill:@one", minutes: 0, .succeeded, new: 10)
        try run(archive, "backfill:@two", minutes: 5, .failed)
        try run(archive, "backfill:@three", minutes: 10, .succeeded, new: 7)

        let totals = try archive.store.runTotals()

        XCTAssertEqual(totals.map(\.job), ["backfill"])
        XCTAssertEqual(totals.first?.runs, 3)
        XCTAssertEqual(totals.first?.messagesNew, 17)
        XCTAssertEqual(totals.first?.lastStatus, .succeeded)
    }

    func testFreshnessBuildInfoDurationAndHealth() async throws {
        let archive = try archiveWithRuns()
        try archive.commitPosts(1...3)
        let text = PrometheusText.render(try MetricsSnapshot.collect(from: archive.store, version: "9.9.9", at: Self.start))
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains(#"tgcron_build_info{version="9.9.9"} 1"#), text)
        XCTAssertTrue(lines.contains(#"tgcron_last_run_duration_seconds{job="news"} 30.000"#), text)
        let channel = ArchiveScenario.channel
        XCTAssertTrue(lines.contains(
            #"tgcron_channel_last_success_timestamp_seconds{channel="@ops_news",channel_id="\#(channel.id)"} 1714572030.000"#), text)
        XCTAssertTrue(lines.contains { $0.hasPrefix(#"tgcron_channel_newest_message_timestamp_seconds{channel="@ops_news""#) }, text)

        let server = try await MetricsHTTPServer.start(port: 0, archive: archive.store)
        let health = try await HTTPGet.get(port: server.port, path: "/healthz")
        await server.shutdown()
        XCTAssertTrue(health.hasPrefix("HTTP/1.1 503"), health)
        XCTAssertTrue(health.contains(#"latest run failed: we"ird\job"#), health)
    }

    func testConsecutiveDeferralsCountSinceTheLastOtherOutcome() throws {
        let archive = try ArchiveScenario(self)
        try run(archive, "news", minutes: 0, .deferred)
        try run(archive, "news", minutes: 10, .succeeded)
        XCTAssertEqual(try archive.store.consecutiveDeferrals(job: "news"), 0)
        try run(archive, "news", minutes: 20, .deferred)
        try run(archive, "news", minutes: 30, .deferred)
        try run(archive, "other", minutes: 35, .failed)
        XCTAssertEqual(try archive.store.consecutiveDeferrals(job: "news"), 2)
        XCTAssertEqual(try archive.store.consecutiveDeferrals(job: "other"), 0)
    }

    func testTheExpositionTextHasHelpTypeAndEscapedLabels() throws {
        let snapshot = try MetricsSnapshot.collect(from: archiveWithRuns().store, at: Self.start.addingTimeInterval(10_000))
        let text = PrometheusText.render(snapshot)
        let lines = text.split(separator: "\n").map(String.init)

        XCTAssertTrue(lines.contains("# HELP tgcron_messages_archived_total Messages archived for the first time."))
        XCTAssertTrue(lines.contains("# TYPE tgcron_messages_archived_total counter"))
        XCTAssertTrue(lines.contains(#"tgcron_messages_archived_total{job="news"} 105"#))
        XCTAssertTrue(lines.contains(#"tgcron_messages_archived_total{job="we\"ird\\job"} 0"#))
        XCTAssertTrue(lines.contains(#"tgcron_requests_total{job="news"} 17"#))
        XCTAssertTrue(lines.contains(#"tgcron_flood_waits_total{job="we\"ird\\job"} 2"#))
        XCTAssertTrue(lines.contains(#"tgcron_deferrals_total{job="news"} 1"#))
        XCTAssertTrue(lines.contains(#"tgcron_last_success_timestamp_seconds{job="news"} 1714572030.000"#))
        XCTAssertFalse(text.contains(#"tgcron_last_success_timestamp_seconds{job="we"#), "no success: no sample")
        XCTAssertTrue(lines.contains(#"tgcron_last_run_status{job="news",status="succeeded"} 1"#))
        XCTAssertTrue(lines.contains(#"tgcron_last_run_status{job="news",status="deferred"} 0"#))
        XCTAssertTrue(lines.contains(#"tgcron_last_run_status{job="we\"ird\\job",status="failed"} 1"#))
        XCTAssertTrue(lines.contains("tgcron_metrics_collected_timestamp_seconds 1714574800.000"))
        XCTAssertTrue(text.hasSuffix("\n"))
        for name in Set(lines.filter { !$0.hasPrefix("#") }.map { String($0.prefix { $0 != "{" && $0 != " " }) }) {
            XCTAssertEqual(lines.filter { $0.hasPrefix("# TYPE \(name) ") }.count, 1, name)
            XCTAssertEqual(lines.filter { $0.hasPrefix("# HELP \(name) ") }.count, 1, name)
        }
    }

    func testMediaFilesAndBytesArePublishedPerChannelAndStatus() {
        var snapshot = MetricsSnapshot(jobs: [], collectedAt: Self.start)
        snapshot.media = [
            MediaSummaryRow(channelID: 7, username: "media", status: .done, files: 3, bytes: 300, bytesStored: 300),
            MediaSummaryRow(channelID: 7, username: "media", status: .partial, files: 1, bytes: 90, bytesStored: 40),
            MediaSummaryRow(channelID: 7, username: "media", status: .failed, files: 2, bytes: 20, bytesStored: 0),
        ]
        let lines = PrometheusText.render(snapshot).split(separator: "\n").map(String.init)

        XCTAssertTrue(lines.contains(#"tgcron_media_files{channel="@media",channel_id="7",status="done"} 3"#))
        XCTAssertTrue(lines.contains(#"tgcron_media_files{channel="@media",channel_id="7",status="failed"} 2"#))
        XCTAssertTrue(lines.contains(#"tgcron_media_bytes{channel="@media",channel_id="7",status="partial"} 40"#))
        XCTAssertTrue(lines.contains("# TYPE tgcron_media_files gauge"))
    }

    func testLabelValuesEscapeBackslashQuoteAndNewline() {
        XCTAssertEqual(PrometheusText.escapeLabel("a\\b\"c\nd"), #"a\\b\"c\nd"#)
    }

    func testTheTextfileIsReplacedWholeWithNoTemporaryLeft() throws {
        let archive = try archiveWithRuns()
        let path = archive.directory.appendingPathComponent("tgcron.prom").path
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        let snapshot = try MetricsSnapshot.collect(from: archive.store, at: Self.start)

        try PrometheusTextfile.write(snapshot, to: path)

        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), PrometheusText.render(snapshot))
        let files = try FileManager.default.contentsOfDirectory(atPath: archive.directory.path)
        XCTAssertFalse(files.contains { $0.hasSuffix(".tmp") }, "\(files)")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o644)
    }

    func testATextfileInAMissingDirectoryIsAnError() throws {
        let snapshot = MetricsSnapshot(jobs: [], collectedAt: Self.start)
        XCTAssertThrowsError(try PrometheusTextfile.write(snapshot, to: "/nonexistent/dir/tgcron.prom")) { error in
            guard case .textfileFailed = error as? MetricsError else { return XCTFail("\(error)") }
        }
    }

    func testTheHTTPServerServesMetricsHealthAndNotFound() async throws {
        let archive = try archiveWithRuns()
        let server = try await MetricsHTTPServer.start(port: 0, archive: archive.store)
        let metrics = try await HTTPGet.get(port: server.port, path: "/metrics")
        let health = try await HTTPGet.get(port: server.port, path: "/healthz")
        let missing = try await HTTPGet.get(port: server.port, path: "/nope")
        await server.shutdown()

        XCTAssertTrue(metrics.hasPrefix("HTTP/1.1 200 OK\r\n"), metrics)
        XCTAssertTrue(metrics.contains("Content-Type: text/plain; version=0.0.4; charset=utf-8"))
        XCTAssertTrue(metrics.contains(#"tgcron_messages_archived_total{job="news"} 105"#))
        XCTAssertTrue(health.hasPrefix("HTTP/1.1 503"), "a job's latest run failed: \(health)")
        XCTAssertTrue(missing.hasPrefix("HTTP/1.1 404 Not Found\r\n"))
    }

    func testTheServerStopsListeningAtShutdown() async throws {
        let server = try await MetricsHTTPServer.start(host: "127.0.0.1", port: 0) {
            .init(status: .ok, contentType: "text/plain", body: "x\n")
        }
        let port = server.port
        await server.shutdown()
        do {
            _ = try await HTTPGet.get(port: port, path: "/healthz")
            XCTFail("still listening")
        } catch {}
    }
}
