import Archive
import Client
import Foundation
import Harvester
import Jobs
import MTProtoCrypto
import Sandbox
import SandboxTestSupport
import TL
import XCTest

/// A run's media phase over loopback against the sandbox's three DCs (@sandbox_media): the ledger, the
/// content-addressed store equal to the sandbox's truth, filters, dedup, resumption, expired references,
/// other DCs, the byte budget and limits on the simulated clock.
final class MediaHarvestTests: XCTestCase {
    private var sandbox: LoopbackSandbox!
    private var client: TelegramClient?
    private var directory: URL!
    private var store: ArchiveStore!
    private let peers = InMemoryPeerCache()

    /// @sandbox_media's media truth at the loopback sandbox's moment.
    private static let truth: [MediaTruthRecord] = {
        let world = World(spec: .builtIn)
        guard let channel = world.channel(username: "sandbox_media") else { return [] }
        return Array(world.mediaTruth(channel: channel, at: LoopbackSandbox.moment))
    }()

    override func setUp() async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("media-harvest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try ArchiveStore(path: directory.appendingPathComponent("archive.sqlite").path)
    }

    override func tearDown() async throws {
        await client?.close()
        await sandbox?.shutdown()
        try? FileManager.default.removeItem(at: directory)
    }

    private var root: String { directory.appendingPathComponent("media").path }

    private func start(fileReferenceExpiry: Double = 0) async throws -> TelegramClient {
        sandbox = try await LoopbackSandbox.start(fileReferenceExpiry: fileReferenceExpiry)
        let client = TelegramClient(configuration: sandbox.clientConfiguration(), sessionStore: InMemoryClientStateStore())
        self.client = client
        _ = try await client.logIn(phone: "9996621234", code: { "22222" }, password: { "" })
        return client
    }

    private func harvest(_ client: TelegramClient, job: String = "media", filter: MediaRule, limits: RunLimits = RunLimits(),
                         maxRate: Int64? = nil, budget: MediaByteBudget? = nil) -> ChannelHarvest {
        let plan = HarvestPlan(job: job, channel: .username("sandbox_media"), limits: limits,
                               media: MediaPlan(filter: filter, root: root, maxRate: maxRate, budget: budget))
        return ChannelHarvest(plan: plan, invoker: client.invoker, peerCache: peers, store: store, clock: sandbox.clock,
                              downloader: ClientMediaDownloader(client: client, admission: UnlimitedAdmission()))
    }

    private func channelID() throws -> Int64 {
        try XCTUnwrap(sandbox.world.channel(username: "sandbox_media")).id
    }

    /// Every ledger row of the channel, by message id.
    private func ledger() throws -> [Int32: MediaEntry] {
        try store.mediaLedger(channel: channelID())
    }

    private static func sha256(ofFileAt path: String) throws -> String {
        let handle = try XCTUnwrap(FileHandle(forReadingAtPath: path))
        defer { try? handle.close() }
        let stream = SHA256Stream()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { chunk.withUnsafeBytes { stream.update($0) } }
        return stream.finish().map { String(format: "%02x", $0) }.joined()
    }

    /// Each done row's file is in the store at its content address and hashes to the truth's SHA-256.
    private func assertStoreMatchesTruth(_ records: [MediaTruthRecord], file: StaticString = #filePath, line: UInt = #line) throws {
        let rows = try ledger()
        for record in records {
            let row = try XCTUnwrap(rows[Int32(record.id)], "message \(record.id) has no ledger row", file: file, line: line)
            XCTAssertEqual(row.status, .done, "message \(record.id)", file: file, line: line)
            XCTAssertEqual(row.sha256, record.sha256, "message \(record.id)", file: file, line: line)
            XCTAssertEqual(row.size, Int64(record.size), file: file, line: line)
            let path = try XCTUnwrap(row.path)
            XCTAssertTrue(path.hasPrefix("\(record.sha256.prefix(2))/\(record.sha256.dropFirst(2).prefix(2))/\(record.sha256)."),
                          path, file: file, line: line)
            XCTAssertEqual(try Self.sha256(ofFileAt: "\(root)/\(path)"), record.sha256, file: file, line: line)
        }
        let partials = (try? FileManager.default.contentsOfDirectory(atPath: "\(root)/partial")) ?? []
        XCTAssertEqual(partials, [], "no partial file left", file: file, line: line)
    }

    func testSmallFilesOfEveryDCEndUpInTheStoreExactlyAsTheTruthAndLargerOnesAreSkippedWithTheirRule() async throws {
        let client = try await start()
        var run = harvest(client, filter: MediaRule(maxSize: 1 << 20))

        let stop = await run.run()

        XCTAssertEqual(stop, .completed)
        let small = Self.truth.filter { $0.size <= 1 << 20 }
        XCTAssertGreaterThan(small.count, 10)
        XCTAssertEqual(Set(small.map(\.dc)), [1, 2, 3], "files on every DC")
        try assertStoreMatchesTruth(small)
        let rows = try ledger()
        for record in Self.truth where record.size > 1 << 20 {
            XCTAssertEqual(rows[Int32(record.id)]?.status, .skipped)
            XCTAssertEqual(rows[Int32(record.id)]?.skipReason?.hasPrefix("max_size:"), true)
        }
        XCTAssertEqual(run.tally.mediaStored, small.count)
        XCTAssertEqual(run.tally.mediaBytes, Int64(small.map(\.size).reduce(0, +)))
    }

    func testWatchModeQueuesTheFilesOfPostsThatArriveAndTheNextRunDownloadsThem() async throws {
        let client = try await start()
        let rule = MediaRule(maxSize: 1 << 20)
        var first = harvest(client, filter: rule)
        _ = await first.run()
        var watch = ChannelWatch(job: "media", channel: .username("sandbox_media"), invoker: client.invoker,
                                 peerCache: peers, store: store, clock: sandbox.clock)
        watch.media = rule
        _ = try await watch.poll()

        sandbox.clock.advance(by: 24 * 3_600)
        let tally = try await watch.poll(maxRounds: 50)

        let world = sandbox.world
        let channel = try XCTUnwrap(world.channel(username: "sandbox_media"))
        let known = Set(Self.truth.map(\.id))
        let arrived = world.mediaTruth(channel: channel, at: Date(timeIntervalSince1970: sandbox.clock.now()))
            .filter { !known.contains($0.id) }
        XCTAssertGreaterThan(tally.new, 0)
        XCTAssertGreaterThan(arrived.count, 3, "a post an hour, most with a file")
        var rows = try ledger()
        for record in arrived {
            let row = try XCTUnwrap(rows[Int32(record.id)], "the watch queued message \(record.id)'s file")
            XCTAssertEqual(row.status, record.size <= 1 << 20 ? .pending : .skipped, "message \(record.id)")
        }

        var next = harvest(client, filter: rule)
        let stop = await next.run()

        XCTAssertEqual(stop, .completed)
        try assertStoreMatchesTruth(arrived.filter { $0.size <= 1 << 20 })
        rows = try ledger()
        XCTAssertEqual(rows.values.filter { $0.status == .pending || $0.status == .partial }.count, 0)
    }

    func testTypeAndMimeFiltersSkipWhatTheJobDoesNotAskFor() async throws {
        let client = try await start()
        var run = harvest(client, filter: MediaRule(types: [.document], maxSize: 2 << 20, mime: ["application/pdf"]))

        let stop = await run.run()

        XCTAssertEqual(stop, .completed)
        let rows = try ledger()
        let wanted = Self.truth.filter { $0.kind == .document && $0.mimeType == "application/pdf" && $0.size <= 2 << 20 }
        try assertStoreMatchesTruth(wanted)
        for record in Self.truth where !wanted.contains(record) {
            let row = try XCTUnwrap(rows[Int32(record.id)])
            XCTAssertEqual(row.status, .skipped, "message \(record.id)")
        }
        XCTAssertTrue(rows.values.contains { $0.skipReason?.hasPrefix("types: photo") == true })
        XCTAssertTrue(rows.values.contains { $0.skipReason?.hasPrefix("mime:") == true })
    }

    func testAFileInSeveralMessagesIsDownloadedOnceAndShared() async throws {
        let client = try await start()
        let record = try XCTUnwrap(Self.truth.first { $0.size < 1 << 20 })
        var first = harvest(client, filter: MediaRule(maxSize: 1 << 20))
        _ = await first.run()
        let original = try XCTUnwrap(try ledger()[Int32(record.id)])
        // The same document in another message (a repost): queued with a page, never fetched again.
        var repost = original
        repost.id = nil
        repost.messageId = 1_000_000
        repost.status = .pending
        (repost.sha256, repost.path, repost.bytesDone) = (nil, nil, 0)
        let channel = ChannelInfo(id: try channelID(), accessHash: nil, username: "sandbox_media", title: "Media")
        try store.commitPage(channel: channel, job: "repost", messages: [Api.Message](), checkpoint: Checkpoint(), now: Date(), media: [repost])
        let before = await sandbox.audit.records.filter { $0.method == "upload.getFile" }.count
        var second = harvest(client, filter: MediaRule(maxSize: 1 << 20))

        _ = await second.run()

        let shared = try XCTUnwrap(try ledger()[1_000_000])
        XCTAssertEqual(shared.status, .done)
        XCTAssertEqual(shared.path, original.path)
        XCTAssertEqual(second.tally.mediaBytes, 0)
        let after = await sandbox.audit.records.filter { $0.method == "upload.getFile" }.count
        XCTAssertEqual(after, before, "nothing downloaded twice")
    }

    func testAFileStoppedMidwayResumesFromItsCommittedOffsetAndFetchesOnlyTheRest() async throws {
        let client = try await start()
        let record = try XCTUnwrap(Self.truth.first { $0.size > 20 << 20 && $0.size < 40 << 20 })
        let filter = MediaRule(minSize: Int64(record.size), maxSize: Int64(record.size))
        var first = harvest(client, filter: filter)
        var step = HarvestStep.progressed
        // Page until the first media step has fetched one slice of the file, then drop the run (a kill).
        while step == .progressed, try ledger()[Int32(record.id)]?.bytesDone ?? 0 == 0 { step = await first.step() }
        let committed = try XCTUnwrap(try ledger()[Int32(record.id)])
        XCTAssertEqual(committed.status, .partial)
        XCTAssertGreaterThanOrEqual(committed.bytesDone, ChannelHarvest.mediaSliceBytes)
        XCTAssertLessThan(committed.bytesDone, Int64(record.size))
        XCTAssertEqual(committed.attempts, 0, "the end of a slice is not a failed attempt")

        var second = harvest(client, filter: filter)
        let stop = await second.run()

        XCTAssertEqual(stop, .completed)
        try assertStoreMatchesTruth([record])
        XCTAssertEqual(second.tally.mediaBytes, Int64(record.size) - committed.bytesDone, "the committed prefix is not fetched again")
    }

    func testExpiredFileReferencesAreRefreshedFromTheMessage() async throws {
        let client = try await start(fileReferenceExpiry: 0.3)
        var run = harvest(client, filter: MediaRule(maxSize: 512 << 10))

        let stop = await run.run()

        XCTAssertEqual(stop, .completed)
        try assertStoreMatchesTruth(Self.truth.filter { $0.size <= 512 << 10 })
        let expired = await sandbox.audit.records.filter { $0.error?.auditName == "FILE_REFERENCE_EXPIRED" }.count
        XCTAssertGreaterThan(expired, 0)
    }

    func testTheDailyByteBudgetDefersTheRunAndTheNextDayContinues() async throws {
        let client = try await start()
        let budget = MediaByteBudget(day1: 1, growth: 1, cap: nil, timeZone: TimeZone(identifier: "UTC") ?? .gmt)
        var run = harvest(client, filter: MediaRule(maxSize: 1 << 20), budget: budget)

        let stop = await run.run()

        guard case .deferred(.mediaBudgetSpent(let bytes, _)) = stop else { return XCTFail("\(stop)") }
        XCTAssertEqual(bytes, 1)
        XCTAssertTrue(stop.description.contains("daily media byte budget"), stop.description)
        XCTAssertEqual(run.tally.mediaStored, 1, "a fresh day lets one file through")
        sandbox.clock.advance(by: 86_400)
        var next = harvest(client, filter: MediaRule(maxSize: 1 << 20), budget: budget)
        _ = await next.run()
        XCTAssertEqual(next.tally.mediaStored, 1)
        let growing = MediaByteBudget(day1: 100, growth: 2, cap: 300, timeZone: budget.timeZone)
        XCTAssertEqual([1, 2, 3, 9].map { growing.allowance(onDay: $0) }, [100, 200, 300, 300], "grows like the warm-up, capped")
    }

    func testMaxRateIsKeptAndTheDurationLimitStopsMidFileWithTheOffsetCommitted() async throws {
        let client = try await start()
        let record = try XCTUnwrap(Self.truth.first { $0.size > 8 << 20 && $0.size < 20 << 20 })
        let filter = MediaRule(minSize: Int64(record.size), maxSize: Int64(record.size))
        let started = sandbox.clock.now()
        let limits = RunLimits(durationEnd: Date(timeIntervalSince1970: started + 6))
        var run = harvest(client, filter: filter, limits: limits, maxRate: 1 << 20)

        let stop = await run.run()

        XCTAssertEqual(stop, .limitReached(.duration))
        let row = try XCTUnwrap(try ledger()[Int32(record.id)])
        XCTAssertEqual(row.status, .partial)
        XCTAssertGreaterThan(row.bytesDone, 0)
        XCTAssertEqual(row.attempts, 0, "a pause is not a failed attempt")
        XCTAssertEqual(run.tally.mediaFailures, 0)
        let elapsed = sandbox.clock.now() - started
        XCTAssertGreaterThanOrEqual(elapsed, Double(run.tally.mediaBytes) / Double(1 << 20) - 1.01, "1 MiB/s at most")
        var next = harvest(client, filter: filter)
        _ = await next.run()
        try assertStoreMatchesTruth([record])
    }

    func testTheEndOfTheRunWindowDefersTheRunMidFileWithTheOffsetCommitted() async throws {
        let client = try await start()
        let record = try XCTUnwrap(Self.truth.first { $0.size > 8 << 20 && $0.size < 20 << 20 })
        let filter = MediaRule(minSize: Int64(record.size), maxSize: Int64(record.size))
        let windowEnd = Date(timeIntervalSince1970: sandbox.clock.now() + 4)
        var run = harvest(client, filter: filter, limits: RunLimits(runWindowEnd: windowEnd), maxRate: 1 << 20)

        let stop = await run.run()

        XCTAssertEqual(stop, .deferred(.runWindowEnded(windowEnd)))
        XCTAssertEqual(try ledger()[Int32(record.id)]?.status, .partial)
        var next = harvest(client, filter: filter)
        _ = await next.run()
        try assertStoreMatchesTruth([record])
    }

    func testTheMessagesCapEndsThePagingButTheArchivedPagesFilesStillDownload() async throws {
        let client = try await start()
        var run = harvest(client, filter: MediaRule(maxSize: 256 << 10), limits: RunLimits(messages: 1))

        let stop = await run.run()

        XCTAssertEqual(stop, .limitReached(.messages(1)), "the cap is reported once the files are down")
        let rows = try ledger().values
        XCTAssertLessThan(rows.count, Self.truth.count, "one page archived, not the channel")
        XCTAssertGreaterThan(run.tally.mediaStored, 0)
        XCTAssertFalse(rows.contains { $0.status == .pending || $0.status == .partial })
    }
}
