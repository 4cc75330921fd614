import Client
import Foundation
import MTProtoCrypto
import Sandbox
import TL

/// `TGCronBench download MANIFEST_DIR CHANNEL IDS OUT_DIR [PARTS_IN_FLIGHT CONNECTIONS]`: logs Alice in to a running sandbox, downloads
/// the files of messages IDS (comma-separated) of CHANNEL into OUT_DIR with `TelegramClient.download`
/// (governor off), and prints one JSON line: files, bytes, download wall seconds. `bench/bench.py`
/// measures the process's CPU and peak RSS around it.
enum DownloadCommand {
    static func run(_ arguments: [String]) async throws {
        guard arguments.count == 4 || arguments.count == 6 else { throw DownloadBenchError.usage }
        let options = arguments.count == 6
            ? DownloadOptions(parallelParts: Int(arguments[4]) ?? 4, connections: Int(arguments[5]) ?? 2) : DownloadOptions()
        let manifest = try SandboxManifest.read(from: URL(fileURLWithPath: arguments[0]))
        guard let port = manifest.dcs["2"] else { throw DownloadBenchError.noDC }
        let configuration = TelegramClientConfiguration(
            identity: ClientIdentity(apiID: 12_345, apiHash: "0123456789abcdef0123456789abcdef"),
            endpoints: .custom(host: manifest.host, port: port, dc: 2, publicKeys: [try RSAPublicKey(pem: manifest.publicKeyPEM)]),
            callTimeout: .seconds(60))
        let client = TelegramClient(configuration: configuration, sessionStore: InMemoryClientStateStore())
        defer { Task { await client.close() } }
        _ = try await client.logIn(phone: "9996621234", code: { "22222" }, password: { "" })
        let resolved = try await client.invoker.invoke(Api.Contacts.ResolveUsername(username: arguments[1]))
        guard case .channel(let channel)? = resolved.chats.first, let accessHash = channel.accessHash else { throw DownloadBenchError.noChannel }
        let ids = arguments[2].split(separator: ",").compactMap { Int32($0) }
        let answer = try await client.invoker.invoke(Api.Channels.GetMessages(
            channel: .inputChannel(.init(channelId: channel.id, accessHash: accessHash)), id: ids.map { .inputMessageID(.init(id: $0)) }))
        let output = URL(fileURLWithPath: arguments[3])
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let started = ContinuousClock.now
        var total: Int64 = 0
        for case .message(let message) in answer.messageList {
            guard let media = message.media, let location = FileLocation(media: media) else { continue }
            try await client.download(
                location, to: FileDescriptorSink(path: output.appendingPathComponent("\(message.id)").path), options: options)
            total += location.size
        }
        let elapsed = started.duration(to: .now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(#"{"files": \#(ids.count), "bytes": \#(total), "seconds": \#(seconds)}"#)
        await client.close()
    }
}

/// Why the download benchmark could not run.
enum DownloadBenchError: Error, CustomStringConvertible {
    case usage, noDC, noChannel

    var description: String {
        switch self {
        case .usage: "usage: TGCronBench download MANIFEST_DIR CHANNEL IDS OUT_DIR [PARTS_IN_FLIGHT CONNECTIONS]"
        case .noDC: "the manifest lists no DC 2"
        case .noChannel: "the channel did not resolve"
        }
    }
}
