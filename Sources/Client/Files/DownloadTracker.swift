/// The shared state of one download's workers: the parts still to claim, the current location (moved
/// by `FILE_MIGRATE_X`, refreshed after `FILE_REFERENCE_EXPIRED`), and the offset up to which every
/// byte is stored, reported as it advances.
actor DownloadTracker {
    /// The location parts are requested with now.
    private(set) var location: FileLocation
    /// Bumped by every refresh, so a worker whose reference expired knows whether someone already refreshed it.
    private(set) var generation = 0
    private let partSize: Int
    private let maximumRefreshes: Int
    private let progress: (@Sendable (Int64) -> Void)?
    private var next: Int64
    private var pendingSkip: Int
    /// Every byte before this offset is stored.
    private(set) var watermark: Int64
    /// Stored ranges beyond the watermark, by start.
    private var storedAhead: [Int64: Int64] = [:]
    private var refreshesInARow = 0
    private var refreshing: Task<FileLocation, any Error>?

    /// A tracker of `location` from byte `start` on, in parts of `partSize` (a power of two up to 1 MiB).
    init(location: FileLocation, start: Int64, partSize: Int, maximumRefreshes: Int, progress: (@Sendable (Int64) -> Void)?) {
        self.location = location
        self.partSize = partSize
        self.maximumRefreshes = maximumRefreshes
        self.progress = progress
        next = start - start % 4_096
        pendingSkip = Int(start % 4_096)
        watermark = start
    }

    /// The location and its generation, for one attempt at a part.
    var current: (location: FileLocation, generation: Int) { (location, generation) }

    /// The next part to fetch, or nil when every part is claimed.
    func claim() -> DownloadPart? {
        guard next < location.size else { return nil }
        let alignment = next == 0 ? partSize : Int(truncatingIfNeeded: next & -next)
        let limit = min(partSize, alignment)
        let part = DownloadPart(offset: next, limit: limit, skip: pendingSkip, expected: Int(min(Int64(limit), location.size - next)))
        pendingSkip = 0
        next += Int64(limit)
        return part
    }

    /// Records `part` as stored, reporting a watermark that moved.
    func stored(_ part: DownloadPart) {
        refreshesInARow = 0
        let start = part.offset + Int64(part.skip)
        let end = part.offset + Int64(part.expected)
        guard start == watermark else {
            storedAhead[start] = end
            return
        }
        watermark = end
        while let following = storedAhead.removeValue(forKey: watermark) { watermark = following }
        progress?(watermark)
    }

    /// Moves the download to DC `dc` (`FILE_MIGRATE_X`); false when it is already there (a loop).
    func migrate(to dc: Int) -> Bool {
        guard location.dc != dc else { return false }
        location.dc = dc
        return true
    }

    /// Refreshes the file reference after a part of generation `stale` found it expired: once for all
    /// workers, and only `maximumRefreshes` times in a row without a part stored in between.
    func refresh(after stale: Int, using refresher: FileReferenceRefresher?) async throws {
        guard stale == generation else { return }
        if let running = refreshing {
            _ = try await running.value
            return
        }
        guard let refresher, refreshesInARow < maximumRefreshes else { throw DownloadError.fileReferenceExpired }
        refreshesInARow += 1
        let old = location
        let task = Task { try await refresher(old) }
        refreshing = task
        defer { refreshing = nil }
        let fresh = try await task.value
        location.input = fresh.input
        location.dc = fresh.dc
        generation += 1
    }
}

/// Fetches a file's message again and returns the same file's location with a fresh file reference.
public typealias FileReferenceRefresher = @Sendable (FileLocation) async throws -> FileLocation
