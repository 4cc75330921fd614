import MTProto
import MTProtoNIO
import TL

/// One download: a plan of parts handed to `parallelParts` workers over the file DC's download lanes,
/// each part written at its offset as it arrives, so order does not matter and memory holds only the
/// parts in flight. The first part goes alone: it creates (or imports the login into) the DC's auth key
/// that the other lanes then share.
struct FileDownload: Sendable {
    /// The invoker of download lane `lane` (1…) to DC `dc`, wrapped in the pipeline.
    let lane: @Sendable (_ dc: Int, _ lane: Int) async throws -> any Invoker
    let options: DownloadOptions
    let refresh: FileReferenceRefresher?
    let progress: (@Sendable (Int64) -> Void)?

    /// Downloads `location` into `sink` from byte `offset` to the end.
    func run(_ location: FileLocation, to sink: any DownloadSink, from offset: Int64) async throws {
        guard offset >= 0, offset <= location.size else { throw DownloadError.offsetOutsideFile(offset: offset, size: location.size) }
        LargeBlockReuse.enable()
        let tracker = DownloadTracker(
            location: location, start: offset, partSize: options.partSize, maximumRefreshes: options.maximumRefreshes,
            progress: progress)
        guard let first = await tracker.claim() else { return }
        try await fetch(first, lane: 1, tracker: tracker, sink: sink)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<options.parallelParts {
                let lane = 1 + worker % options.connections
                group.addTask {
                    while let part = await tracker.claim() {
                        try await fetch(part, lane: lane, tracker: tracker, sink: sink)
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    /// Fetches and stores one part, following the file to another DC and refreshing its reference as the server says.
    private func fetch(_ part: DownloadPart, lane: Int, tracker: DownloadTracker, sink: any DownloadSink) async throws {
        while true {
            try Task.checkCancellation()
            let (location, generation) = await tracker.current
            let answer: FilePart
            do {
                answer = try await self.lane(location.dc, lane).invoke(FilePartRequest(
                    request: Api.Upload.GetFile(location: location.input, offset: part.offset, limit: Int32(part.limit))))
            } catch ClientError.rpc(let error) where error.name == .fileMigrateX {
                guard let dc = error.migrateToDC, await tracker.migrate(to: dc) else { throw ClientError.rpc(error) }
                continue
            } catch ClientError.rpc(let error) where error.name == .fileReferenceExpired {
                try await tracker.refresh(after: generation, using: refresh)
                continue
            }
            guard case .bytes(let bytes) = answer else { throw DownloadError.cdnRedirect }
            guard bytes.count == part.expected else {
                throw DownloadError.unexpectedPartLength(offset: part.offset, expected: part.expected, received: bytes.count)
            }
            do {
                try await sink.write(bytes.dropFirst(part.skip), at: part.offset + Int64(part.skip))
            } catch let error as DownloadError {
                throw error
            } catch {
                throw DownloadError.sink(String(describing: error))
            }
            await tracker.stored(part)
            return
        }
    }
}
