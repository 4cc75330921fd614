import ArgumentParser
import Foundation
import Sandbox

/// `tgcron sandbox truth @channel`: the messages the sandbox holds for a channel, as JSONL.
struct SandboxTruthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "truth",
        abstract: "Print a channel's ground truth as JSONL (id, date, edit_date, text, kind), ascending by id.",
        discussion: """
            Without --world and --seed, the world of the sandbox running on the data directory \
            (its sandbox.json) is used, else the built-in one. Without --at, the moment is that \
            sandbox's simulated now, else the current time.
            """
    )

    @Argument(help: "The channel's username, with or without @.")
    var channel: String

    @OptionGroup var world: SandboxWorldOptions

    @Option(name: .long, help: "The moment, ISO 8601 (default: the running sandbox's simulated now).")
    var at: String?

    func run() throws {
        let manifest = try? SandboxManifest.read(from: world.dataDirectory)
        let (spec, _) = try world.spec(running: manifest)
        let moment = try at.map(SandboxDate.parse) ?? manifest?.clock.simulated.now(atWallTime: Date()) ?? Date()
        let built = World(spec: spec)
        guard let found = built.channel(username: channel) else {
            throw CLIFailure("no channel \(channel) in the world (known: \(spec.channels.map { "@" + $0.username }.joined(separator: ", ")))")
        }
        let output = FileHandle.standardOutput
        var buffer = Data()
        do {
            // Lines are gathered into 64 KiB writes: a 200 000-message channel would otherwise take as many syscalls.
            try TruthWriter.write(built.truth(channel: found, at: moment)) { line in
                buffer.append(line)
                if buffer.count >= 65_536 {
                    try output.write(contentsOf: buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try output.write(contentsOf: buffer)
        } catch {
            throw CLIFailure("cannot write the truth: \(error)")
        }
    }
}
