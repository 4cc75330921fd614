import Client
import Foundation
import MTProto
import MTProtoCrypto
import SandboxTestSupport
import Sandbox
import TL
import XCTest

/// `TelegramClient.download` over loopback against the sandbox's three DCs: exact bytes, parallel
/// parts, resumption, the login moved to other DCs, and every error the download layer handles.
final class FileDownloadTests: XCTestCase {
    private var sandbox: LoopbackSandbox!
    private var client: TelegramClient?
    private var store = InMemoryClientStateStore()
    private var directory: URL?

    /// @sandbox_media's media truth a day after genesis (the loopback sandbox's moment), hashed once.
    private static let records: [MediaTruthRecord] = {
        let world = World(spec: .builtIn)
        guard let channel = world.channel(username: "sandbox_media") else { return [] }
        return Array(world.mediaTruth(channel: channel, at: LoopbackSandbox.moment))
    }()

    override func tearDown() async throws {
        await client?.close()
        await sandbox?.shutdown()
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    /// Starts the sandbox and logs Alice (DC 2) in on a fresh client.
    private func start(
        faults: [InjectedFault] = [], fileReferenceExpiry: Double = 0, admission: (any AdmissionControl)? = nil
    ) async throws -> TelegramClient {
        sandbox = try await LoopbackSandbox.start(faults: faults, fileReferenceExpiry: fileReferenceExpiry)
        var configuration = sandbox.clientConfiguration()
        if let admission { configuration.admission = admission }
        let client = TelegramClient(configuration: configuration, sessionStore: store)
        self.client = client
        _ = try await client.logIn(phone: "9996621234", code: { "22222" }, password: { "" })
        return client
    }

    /// The first record matching `predicate`.
    private func record(_ predicate: (MediaTruthRecord) -> Bool) throws -> MediaTruthRecord {
        try XCTUnwrap(Self.records.first(where: predicate), "no such file in @sandbox_media")
    }

    /// @sandbox_media as an input channel.
    private func channel() throws -> Api.InputChannel {
        let channel = try XCTUnwrap(sandbox.world.channel(username: "sandbox_media"))
        return .inputChannel(.init(channelId: channel.id, accessHash: channel.accessHash))
    }

    /// The location of message `id`'s file, fetched with `channels.getMessages` as a caller would.
    private func location(of id: Int, _ client: TelegramClient) async throws -> FileLocation {
        let answer = try await client.invoker.invoke(
            Api.Channels.GetMessages(channel: channel(), id: [.inputMessageID(.init(id: Int32(id)))]))
        guard case .message(let message)? = answer.messageList.first, let media = message.media else {
            throw LoopbackSandboxError.unexpectedAnswer("channels.getMessages")
        }
        return try XCTUnwrap(FileLocation(media: media))
    }

    /// A temporary file's path.
    private func temporaryPath() throws -> String {
        let directory = self.directory ?? FileManager.default.temporaryDirectory.appendingPathComponent("tgcron-download-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        self.directory = directory
        return directory.appendingPathComponent(UUID().uuidString).path
    }

    /// The SHA-256 (hex) of the file at `path`.
    private func sha256(ofFileAt path: String) throws -> String {
        let handle = try XCTUnwrap(FileHandle(forReadingAtPath: path))
        defer { try? handle.close() }
        let stream = SHA256Stream()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { chunk.withUnsafeBytes { stream.update($0) } }
        return stream.finish().map { String(format: "%02x", $0) }.joined()
    }

    /// Downloads `record`'s file into a new temporary file and returns its path.
    private func download(
        _ record: MediaTruthRecord, _ client: TelegramClient, options: DownloadOptions = DownloadOptions(),
        refresh: FileReferenceRefresher? = nil
    ) async throws -> String {
        let path = try temporaryPath()
        try await client.download(try await location(of: record.id, client), to: FileDescriptorSink(path: path), options: options, refresh: refresh)
        return path
    }

    private func successfulParts() async -> Int {
        await sandbox.audit.records.filter { $0.method == "upload.getFile" && $0.error == nil }.count
    }

    // MARK: Exact bytes

    func testPhotoAndDocumentOnTheHomeDCArriveByteIdentical() async throws {
        let client = try await start()
        let photo = try record { $0.kind == .photo && $0.dc == 2 && $0.thumbSize == "y" }
        let document = try record { $0.kind == .document && $0.dc == 2 && $0.size > 3 << 20 && $0.size < 12 << 20 }

        let photoPath = try await download(photo, client)
        let documentPath = try await download(document, client)

        XCTAssertEqual(try sha256(ofFileAt: photoPath), photo.sha256)
        XCTAssertEqual(try sha256(ofFileAt: documentPath), document.sha256)
        let parts = await successfulParts()
        XCTAssertEqual(parts, (photo.size + (1 << 20) - 1) >> 20 + (document.size + (1 << 20) - 1) >> 20, "each part once")
        let exports = await sandbox.audit.count("auth.exportAuthorization")
        XCTAssertEqual(exports, 0, "the home DC needs no transfer")
    }

    func testFileOnAnotherDCGetsTheLoginExportedOnceAndItsKeyStored() async throws {
        let client = try await start()
        let first = try record { $0.dc == 3 && $0.size > 2 << 20 && $0.size < 10 << 20 }
        let second = try record { $0.dc == 3 && $0.id != first.id && $0.size < 2 << 20 }

        let firstPath = try await download(first, client)
        let secondPath = try await download(second, client)

        XCTAssertEqual(try sha256(ofFileAt: firstPath), first.sha256)
        XCTAssertEqual(try sha256(ofFileAt: secondPath), second.sha256)
        let exports = await sandbox.audit.count("auth.exportAuthorization")
        XCTAssertEqual(exports, 1)
        let key = await store.authKey(forDataCenter: 3)
        XCTAssertNotNil(key, "DC 3's auth key is kept like the home DC's")
    }

    func testWrongDCInTheLocationFollowsFileMigrate() async throws {
        let client = try await start()
        let file = try record { $0.dc == 1 && $0.size < 1 << 20 }
        var location = try await location(of: file.id, client)
        location.dc = 2
        let path = try temporaryPath()

        try await client.download(location, to: FileDescriptorSink(path: path))

        XCTAssertEqual(try sha256(ofFileAt: path), file.sha256)
        let migrated = await sandbox.audit.records.contains { $0.error?.auditName == "FILE_MIGRATE_1" }
        XCTAssertTrue(migrated)
    }

    // MARK: Parallel parts, bounded

    func testPartsAreInFlightInParallelButNeverMoreThanAsked() async throws {
        let probe = ConcurrencyProbe()
        let client = try await start(admission: probe)
        let file = try record { $0.kind == .document && $0.dc == 2 && $0.size > 12 << 20 && $0.size < 40 << 20 }

        let path = try await download(file, client, options: DownloadOptions(parallelParts: 3, connections: 2))

        XCTAssertEqual(try sha256(ofFileAt: path), file.sha256)
        let peak = await probe.peak(of: "upload.getFile")
        XCTAssertGreaterThanOrEqual(peak, 2)
        XCTAssertLessThanOrEqual(peak, 3)
    }

    func testA64MegabyteDocumentFromAnotherDCKeepsMemoryFlat() async throws {
        let client = try await start()
        let file = try record { $0.kind == .document && $0.dc != 2 && $0.size >= 64 << 20 }
        let before = Self.peakResidentBytes()

        let path = try await download(file, client)

        XCTAssertEqual(try sha256(ofFileAt: path), file.sha256)
        let growth = Self.peakResidentBytes() - before
        XCTAssertLessThan(growth, 40 << 20, "peak RSS grew \(growth >> 20) MiB for a \(file.size >> 20) MiB file")
    }

    // MARK: Resuming

    func testDownloadStartsAtAnyOffsetWithoutFetchingWhatCameBefore() async throws {
        let client = try await start()
        let file = try record { $0.kind == .document && $0.dc == 2 && $0.size > 5 << 20 && $0.size < 16 << 20 }
        let location = try await location(of: file.id, client)
        let offset = Int64(3 << 20) + 1_234
        let sink = MemorySink(size: file.size)

        try await client.download(location, to: sink, from: offset)

        let bytes = await sink.bytes
        let plan = try XCTUnwrap(sandbox.world.channel(username: "sandbox_media")?.fileContentKey(messageID: file.id))
        XCTAssertEqual(Array(bytes[Int(offset)...]), FileContent.bytes(key: plan, offset: Int(offset), count: file.size - Int(offset)))
        XCTAssertEqual(bytes[..<Int(offset)].allSatisfy { $0 == 0 }, true, "nothing before the offset is written")
        let parts = await successfulParts()
        XCTAssertEqual(parts, (file.size - (3 << 20) + (1 << 20) - 1) >> 20)
    }

    func testAStoppedDownloadResumesFromItsLastReportedOffset() async throws {
        let client = try await start()
        let file = try record { $0.kind == .document && $0.dc == 1 && $0.size > 8 << 20 && $0.size < 30 << 20 }
        let location = try await location(of: file.id, client)
        let path = try temporaryPath()
        let watermark = Watermark()

        do {
            try await client.download(
                location, to: FailingSink(inner: FileDescriptorSink(path: path), failAfter: 5), progress: { watermark.set($0) })
            XCTFail("the sink fails after 5 parts")
        } catch DownloadError.sink {}
        let resumeAt = watermark.value
        XCTAssertGreaterThan(resumeAt, 0)
        XCTAssertLessThan(resumeAt, Int64(file.size))

        try await client.download(location, to: FileDescriptorSink(path: path), from: resumeAt, progress: { watermark.set($0) })

        XCTAssertEqual(watermark.value, Int64(file.size))
        XCTAssertEqual(try sha256(ofFileAt: path), file.sha256)
    }

    // MARK: Errors

    func testExpiredReferencesAreRefreshedAndTheSamePartRetried() async throws {
        let client = try await start(fileReferenceExpiry: 0.25)
        let file = try record { $0.kind == .document && $0.dc == 2 && $0.size > 8 << 20 && $0.size < 24 << 20 }

        let path = try await download(file, client, refresh: client.messageRefresher(channel: channel(), messageID: file.id))

        XCTAssertEqual(try sha256(ofFileAt: path), file.sha256)
        let records = await sandbox.audit.records
        let expired = records.filter { $0.method == "upload.getFile" && $0.error?.auditName == "FILE_REFERENCE_EXPIRED" }.count
        XCTAssertGreaterThan(expired, 0)
        XCTAssertGreaterThan(records.filter { $0.method == "channels.getMessages" }.count, 1, "refreshed through channels.getMessages")
        let parts = await successfulParts()
        XCTAssertEqual(parts, (file.size + (1 << 20) - 1) >> 20, "no part fetched twice: every retry resumes at its own offset")
    }

    func testExpiredReferenceWithoutARefresherStopsWithATypedError() async throws {
        let client = try await start(fileReferenceExpiry: 1)
        let file = try record { $0.dc == 2 }
        do {
            _ = try await download(file, client)
            XCTFail("the reference always expires")
        } catch let error as DownloadError {
            XCTAssertEqual(error, .fileReferenceExpired)
        }
    }

    func testFloodPremiumWaitIsSleptByTheMiddlewareAndReported() async throws {
        let client = try await start(faults: [.floodPremiumWait(7, method: "upload.getFile")])
        let file = try record { $0.dc == 2 && $0.size < 1 << 20 }

        let path = try await download(file, client)

        XCTAssertEqual(try sha256(ofFileAt: path), file.sha256)
        let waits = await sandbox.floodObserver.waits
        XCTAssertEqual(waits.map(\.method), ["upload.getFile"])
        XCTAssertEqual(waits.map(\.seconds), [7])
        XCTAssertTrue(sandbox.clock.sleeps.contains(7))
    }

    /// The process's peak resident set so far, in bytes.
    private static func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1_024
    }
}

/// Counts how many calls of each method are admitted and not yet completed, keeping the peak.
private actor ConcurrencyProbe: AdmissionControl {
    private var inFlight: [String: Int] = [:]
    private var peaks: [String: Int] = [:]

    func admit(method: String) async throws -> AdmissionDecision {
        inFlight[method, default: 0] += 1
        peaks[method] = max(peaks[method] ?? 0, inFlight[method] ?? 0)
        return .proceed(after: 0)
    }

    func completed(method: String, outcome: CallOutcome) async {
        inFlight[method, default: 0] -= 1
    }

    func peak(of method: String) -> Int { peaks[method] ?? 0 }
}

/// Holds a whole file in memory (for small files in tests).
private actor MemorySink: DownloadSink {
    private(set) var bytes: [UInt8]

    init(size: Int) { bytes = [UInt8](repeating: 0, count: size) }

    func write(_ part: ArraySlice<UInt8>, at offset: Int64) {
        bytes.replaceSubrange(Int(offset)..<Int(offset) + part.count, with: part)
    }
}

/// Passes writes on until `failAfter` of them, then fails every one, as a full disk or a kill would stop a download.
private actor FailingSink: DownloadSink {
    let inner: any DownloadSink
    var remaining: Int

    init(inner: any DownloadSink, failAfter: Int) {
        self.inner = inner
        remaining = failAfter
    }

    func write(_ part: ArraySlice<UInt8>, at offset: Int64) async throws {
        guard remaining > 0 else { throw DownloadError.sink("disk full (simulated)") }
        remaining -= 1
        try await inner.write(part, at: offset)
    }
}

/// The last progress value reported.
private final class Watermark: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Int64 = 0

    var value: Int64 { lock.withLock { stored } }

    func set(_ value: Int64) {
        lock.withLock {
            XCTAssertGreaterThanOrEqual(value, stored, "progress never goes back")
            stored = value
        }
    }
}
