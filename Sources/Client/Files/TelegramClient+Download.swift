import Logging
import MTProtoNIO
import TL

extension TelegramClient {
    /// Downloads the file at `location` into `sink` from byte `offset` (0, or where a stopped download
    /// got to) to its end.
    ///
    /// Parts of `options.partSize` go out `options.parallelParts` at a time over dedicated download
    /// connections to the file's DC, each through the invocation pipeline (audit, flood waits, admission
    /// as the `files` class, retries). A file on another DC than the account's gets the login exported
    /// there once (`auth.exportAuthorization` / `auth.importAuthorization`); its auth key is kept like the
    /// home DC's. `FILE_MIGRATE_X` moves the download; `FILE_REFERENCE_EXPIRED` asks `refresh` for a fresh
    /// location and retries the same part. `progress` hears every advance of the offset below which all
    /// bytes are stored: resume from the last value after a failure or a kill. `admission` replaces the
    /// client's own (a job's governed admission).
    public nonisolated func download(
        _ location: FileLocation, to sink: any DownloadSink, from offset: Int64 = 0, options: DownloadOptions = DownloadOptions(),
        refresh: FileReferenceRefresher? = nil, admission: (any AdmissionControl)? = nil,
        progress: (@Sendable (Int64) -> Void)? = nil
    ) async throws {
        let pipeline = pipeline(
            admission: admission ?? configuration.admission, audit: configuration.audit, floodObserver: configuration.floodObserver,
            floodWaitMax: configuration.floodWaitMax)
        let download = FileDownload(
            lane: { dc, lane in pipeline.wrap(DownloadLaneInvoker(client: self, dc: dc, lane: lane)) },
            options: options, refresh: refresh, progress: progress)
        try await download.run(location, to: sink, from: offset)
    }

    /// A refresher that fetches message `messageID` of `channel` again (`channels.getMessages`) and
    /// takes the same file, in the same photo size, from it.
    public nonisolated func messageRefresher(channel: Api.InputChannel, messageID: Int) -> FileReferenceRefresher {
        { [invoker] old in
            let answer = try await invoker.invoke(Api.Channels.GetMessages(channel: channel, id: [.inputMessageID(.init(id: Int32(messageID)))]))
            guard let message = answer.messageList.first(where: { $0.messageID == messageID }),
                  case .message(let value) = message, let media = value.media,
                  let fresh = FileLocation(media: media, photoSizeType: old.photoSizeType), fresh.fileID == old.fileID else {
                throw DownloadError.fileReferenceExpired
            }
            return fresh
        }
    }

    /// Download lane `lane` to DC `dc`.
    func downloadConnection(dc: Int, lane: Int) async throws -> ConnectionInvoker {
        let address = try await address(dc: dc)
        return ConnectionInvoker(
            connection: try await pool.connection(to: address, lane: lane), identity: configuration.identity,
            timeout: configuration.callTimeout)
    }

    /// Logs `connection`'s auth key (on DC `dc`) in as the account: exported on the home DC, imported there.
    func transferAuthorization(to dc: Int, over connection: ConnectionInvoker) async throws {
        let exported = try await plainInvoker.invoke(Api.Auth.ExportAuthorization(dcId: Int32(dc)))
        _ = try await connection.invoke(Api.Auth.ImportAuthorization(id: exported.id, bytes: exported.bytes))
        logger.info("login exported to another DC for downloads", metadata: ["dc": "\(dc)"])
    }
}

/// The bottom of a download lane's pipeline: calls over lane `lane` to DC `dc`; when that DC does not
/// know the login yet (a DC other than the account's), transfers it and calls once more.
struct DownloadLaneInvoker: Invoker {
    let client: TelegramClient
    let dc: Int
    let lane: Int

    func invoke<Function: TLFunction>(_ function: Function) async throws -> Function.Result {
        let connection = try await client.downloadConnection(dc: dc, lane: lane)
        do {
            return try await connection.invoke(function)
        } catch ClientError.loginRequired {
            guard try await client.homeDC() != dc else { throw ClientError.loginRequired }
            try await client.transferAuthorization(to: dc, over: connection)
            return try await connection.invoke(function)
        }
    }
}
