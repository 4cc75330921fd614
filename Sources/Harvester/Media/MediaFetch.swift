import Archive
import Client
import Foundation
import Synchronization
import TL
import Timekeeping

/// Downloads one ledger row's file into the content store: resumed from its committed offset, synced
/// and committed as it goes, verified (size, SHA-256) and renamed into place before the row is `done`.
struct MediaFetch: Sendable {
    let downloader: any MediaDownloader
    let store: any ArchiveStorage
    let content: ContentStore
    let plan: MediaPlan
    let clock: any ProgramClock
    let channel: Api.InputChannel
    /// Bytes fetched between two syncs and ledger commits of the watermark.
    var commitEvery: Int64 = 4 << 20
    /// Hears the watermark of the file in progress (for the progress line).
    var progress: (@Sendable (MediaEntry, Int64) -> Void)?

    /// How a fetch ended.
    enum Outcome: Equatable {
        /// Downloaded and stored: `bytes` fetched by this attempt.
        case stored(bytes: Int64)
        /// Another row already holds the same file: shared, nothing fetched.
        case shared
        /// `shouldStop` asked for a stop; the watermark is committed. `bytes` fetched.
        case paused(bytes: Int64)
    }

    /// Fetches `entry`; `shouldStop` is asked at every advance of the watermark whether to stop there
    /// (run limits, the end of a step's slice).
    func fetch(_ entry: MediaEntry, shouldStop: @escaping @Sendable (Int64) -> Bool) async throws -> Outcome {
        guard let id = entry.id else { throw ContentStoreError("ledger row without an id") }
        let now = Date(timeIntervalSince1970: clock.now())
        if let done = try store.doneMedia(fileID: entry.fileId), let path = done.path, let sha = done.sha256,
           FileManager.default.fileExists(atPath: content.absolutePath(path)) {
            try store.completeMedia(fileID: entry.fileId, sha256: sha, path: path, newBytes: 0, day: day(now), now: now)
            return .shared
        }
        guard let location = entry.fileLocation else { throw ContentStoreError("the stored file location does not decode") }
        try content.preparePartial()
        let partial = content.partialPath(fileID: entry.fileId)
        let start = Self.resumeOffset(entry.bytesDone, partial: partial)
        let throttle = plan.maxRate.map { ByteThrottle(bytesPerSecond: $0, clock: clock) }
        let sink = try HashingFileSink(path: partial, prefix: start, throttle: throttle)
        let committer = WatermarkCommitter(sink: sink, store: store, row: id, committed: start, every: commitEvery, clock: clock)
        let task = Task {
            try await downloader.download(
                location, to: sink, from: start, options: plan.options,
                refresh: downloader.refresher(channel: channel, messageID: Int(entry.messageId))
            ) { [progress] watermark in
                committer.advance(to: watermark)
                progress?(entry, watermark)
                if shouldStop(watermark) { committer.stopRequested() }
            }
        }
        committer.task = task
        let result = await withTaskCancellationHandler { await task.result } onCancel: { task.cancel() }
        let fetched = committer.finish() - start
        switch result {
        case .success:
            do {
                let sha = try sink.finish(size: entry.size)
                let relative = ContentStore.relativePath(
                    sha256: sha, ext: ContentStore.fileExtension(mimeType: entry.mimeType, fileName: entry.fileName))
                try content.publish(partial: partial, as: relative)
                let later = Date(timeIntervalSince1970: clock.now())
                try store.completeMedia(fileID: entry.fileId, sha256: sha, path: relative, newBytes: fetched,
                                        day: day(later), now: later)
                return .stored(bytes: fetched)
            } catch {
                // Not what the ledger says the file is: start it again from nothing.
                try? FileManager.default.removeItem(atPath: partial)
                try store.requeueMedia(id: id, reason: "verification failed: \(error)", now: now)
                try store.countMediaBytes(fetched, day: day(now))
                throw error
            }
        case .failure(let error):
            try store.countMediaBytes(fetched, day: day(now))
            if let failure = committer.failure { throw failure }
            // A stop this fetch asked for ends it however the cancellation surfaced (a throttle's sleep
            // cancelled inside the sink arrives as a sink error).
            if committer.stopWasRequested { return .paused(bytes: fetched) }
            if Task.isCancelled, !Self.isCancellation(error) { throw CancellationError() }
            throw error
        }
    }

    /// The local day bytes are counted into.
    private func day(_ date: Date) -> String {
        plan.budget?.day(of: date) ?? MediaByteBudget.day(of: date, in: TimeZone(identifier: "UTC") ?? .gmt)
    }

    /// Where to resume: the committed offset, unless the partial file is shorter (lost), then 0.
    static func resumeOffset(_ committed: Int64, partial: String) -> Int64 {
        guard committed > 0, let attributes = try? FileManager.default.attributesOfItem(atPath: partial),
              let size = (attributes[.size] as? NSNumber)?.int64Value, size >= committed else { return 0 }
        return committed
    }

    static func isCancellation(_ error: any Error) -> Bool {
        switch error {
        case is CancellationError, ClientError.cancelled: true
        default: false
        }
    }
}

/// Hashes the watermark as it advances and, every `every` bytes, syncs the partial file and commits the
/// watermark to the ledger: a kill loses at most the bytes since the last commit.
private final class WatermarkCommitter: @unchecked Sendable {
    private let sink: HashingFileSink
    private let store: any ArchiveStorage
    private let row: Int64
    private let every: Int64
    private let clock: any ProgramClock
    private let lock = NSLock()
    private var committed: Int64
    private var storedFailure: (any Error)?
    private var stopping = false
    /// The download, cancelled when a stop is requested or committing fails.
    var task: Task<Void, any Error>? {
        get { lock.withLock { storedTask } }
        set { lock.withLock { storedTask = newValue } }
    }
    private var storedTask: Task<Void, any Error>?

    init(sink: HashingFileSink, store: any ArchiveStorage, row: Int64, committed: Int64, every: Int64, clock: any ProgramClock) {
        self.sink = sink
        self.store = store
        self.row = row
        self.committed = committed
        self.every = every
        self.clock = clock
    }

    var stopWasRequested: Bool { lock.withLock { stopping } }

    /// Why hashing or committing failed, if it did (the download was cancelled for it).
    var failure: (any Error)? { lock.withLock { storedFailure } }

    func advance(to watermark: Int64) {
        do {
            try sink.advance(to: watermark)
            let due = lock.withLock { watermark - committed >= every }
            if due { try commit() }
        } catch {
            lock.withLock { storedFailure = error }
            task?.cancel()
        }
    }

    func stopRequested() {
        lock.withLock { stopping = true }
        task?.cancel()
    }

    /// Commits what is hashed and returns it.
    @discardableResult
    func finish() -> Int64 {
        try? commit()
        return sink.hashed
    }

    private func commit() throws {
        let hashed = sink.hashed
        guard lock.withLock({ hashed > committed }) else { return }
        try sink.sync()
        try store.recordMediaProgress(id: row, bytes: hashed, now: Date(timeIntervalSince1970: clock.now()))
        lock.withLock { committed = hashed }
    }
}
