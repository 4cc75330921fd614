import ArgumentParser
import Archive
import Foundation
import Harvester
import Jobs

/// The channel and date options that commands reading the archive share (`export`, `search`).
enum ArchiveArguments {
    /// The filter `--channel`, `--since` and `--until` describe.
    static func filter(channel: String?, since: String?, until: String?, in store: ArchiveStore) throws -> ExportFilter {
        ExportFilter(channel: try channel.map { try channelID($0, in: store) },
                     since: try date(since, flag: "--since"), until: try date(until, flag: "--until"))
    }

    private static func date(_ text: String?, flag: String) throws -> Date? {
        guard let text else { return nil }
        do {
            return try WindowBound(parsing: text).resolve(now: Date(), in: TimeZone(identifier: "UTC") ?? .current)
        } catch {
            throw CLIFailure("\(flag): \(error)")
        }
    }

    private static func channelID(_ text: String, in store: ArchiveStore) throws -> Int64 {
        let reference: ChannelRef
        do {
            reference = try ChannelRef(parsing: text)
        } catch {
            throw ValidationError("--channel: \(error)")
        }
        switch reference {
        case .id(let id): return id
        case .invite(let hash):
            guard let id = try store.joinedChannel(inviteHash: hash) else {
                throw CLIFailure("--channel: the \(reference) was not joined yet (a scheduled run joins it)")
            }
            return id
        case .username(let name):
            let channels = (try? store.channels()) ?? []
            guard let match = channels.first(where: { $0.username?.lowercased() == name }) else {
                throw CLIFailure("--channel: @\(name) is not in the archive")
            }
            return match.id
        }
    }
}
