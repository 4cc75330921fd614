import Client
import TL

/// What a run needs from the client to fetch files: downloads from any DC, and a fresh file reference
/// from the message after one expired.
public protocol MediaDownloader: Sendable {
    /// Downloads `location` into `sink` from `offset` to its end, reporting the stored watermark.
    func download(_ location: FileLocation, to sink: any DownloadSink, from offset: Int64, options: DownloadOptions,
                  refresh: FileReferenceRefresher?, progress: @escaping @Sendable (Int64) -> Void) async throws
    /// A refresher that fetches message `messageID` of `channel` again for a fresh file reference.
    func refresher(channel: Api.InputChannel, messageID: Int) -> FileReferenceRefresher
}

/// The client as a run's downloader, with the run's own admission (the governor's `files` class).
public struct ClientMediaDownloader: MediaDownloader {
    let client: TelegramClient
    let admission: any AdmissionControl

    /// Downloads through `client`, admitted by `admission`.
    public init(client: TelegramClient, admission: any AdmissionControl) {
        self.client = client
        self.admission = admission
    }

    public func download(_ location: FileLocation, to sink: any DownloadSink, from offset: Int64, options: DownloadOptions,
                         refresh: FileReferenceRefresher?, progress: @escaping @Sendable (Int64) -> Void) async throws {
        try await client.download(location, to: sink, from: offset, options: options, refresh: refresh,
                                  admission: admission, progress: progress)
    }

    public func refresher(channel: Api.InputChannel, messageID: Int) -> FileReferenceRefresher {
        client.messageRefresher(channel: channel, messageID: messageID)
    }
}
