import ArgumentParser
import Foundation
import Jobs
import Sandbox

/// `tgcron sandbox truth @channel`: the messages the sandbox holds for a channel, as JSONL.
struct SandboxTruthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "truth",
        abstract: "Print a channel's ground truth as JSONL (id, date, edit_date, text, kind), ascending by id.",
        discussion: """
            With --media, one line per message with a photo or document instead: id, kind, dc, thumb_size, \
            size, sha256 (of the file a client downloads by default: the largest photo size, or the \
            document), mime_type, file_name and grouped_id. \
            With --comments, the channel's discussion group instead, ascending by group id: each post's copy \
            and every comment, with id, post (the channel post whose thread it is in), kind (copy or comment), \
            date, edit_date, from_id, from_type (user or channel), text, reply_to_msg_id and reply_to_top_id. \
            A forum's lines carry topic_id (1 for General); a private channel is named by its world username. \
            Without --world and --seed, the world of the sandbox running on the data directory \
            (its sandbox.json) is used, else the built-in one. Without --at, the moment is that \
            sandbox's simulated now, else the current time.
            """
    )

    @Argument(help: "The channel's username, with or without @, or a private channel's invite link (https://t.me/+HASH).")
    var channel: String

    @OptionGroup var world: SandboxWorldOptions

    @Option(name: .long, help: "The moment, ISO 8601 (default: the running sandbox's simulated now).")
    var at: String?

    @Flag(name: .long, help: "Print each message's file (size and SHA-256) instead of its text.")
    var media = false

    @Flag(name: .long, help: "Print the channel's discussion group (post copies and comments) instead of its posts.")
    var comments = false

    func run() throws {
        let manifest = try? SandboxManifest.read(from: world.dataDirectory)
        let (spec, _) = try world.spec(running: manifest)
        let moment = try at.map(SandboxDate.parse) ?? manifest?.clock.simulated.now(atWallTime: Date()) ?? Date()
        let built = World(spec: spec)
        var invited: SyntheticChannel?
        if case .invite(let hash)? = try? ChannelRef(parsing: channel) { invited = built.channel(inviteHash: hash) }
        guard let found = invited ?? built.channel(username: channel) else {
            throw CLIFailure("no channel \(channel) in the world (known: \(spec.channels.map { "@" + $0.username }.joined(separator: ", ")))")
        }
        if media && comments { throw CLIFailure("--media and --comments exclude each other") }
        if comments && found.discussion == nil { throw CLIFailure("@\(found.spec.username) has no discussion group") }
        let output = FileHandle.standardOutput
        var buffer = Data()
        do {
            // Lines are gathered into 64 KiB writes: a 200 000-message channel would otherwise take as many syscalls.
            let emit: (Data) throws -> Void = { line in
                buffer.append(line)
                if buffer.count >= 65_536 {
                    try output.write(contentsOf: buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            if comments {
                try TruthWriter.writeComments(found.commentTruth(at: moment), to: emit)
            } else if media {
                try TruthWriter.writeMedia(built.mediaTruth(channel: found, at: moment), to: emit)
            } else {
                try TruthWriter.write(built.truth(channel: found, at: moment),
                                      topic: found.spec.forum == nil ? nil : { found.topic(ofMessage: $0) }, to: emit)
            }
            try output.write(contentsOf: buffer)
        } catch {
            throw CLIFailure("cannot write the truth: \(error)")
        }
    }
}
