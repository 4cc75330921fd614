import ArgumentParser

/// `tgcron sandbox`: a local stand-in for Telegram's DCs, serving a synthetic world over MTProto.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run the sandbox DCs (127.0.0.1 only) or print their ground truth.",
        discussion: """
            The sandbox serves a synthetic world (built in, or read with --world) derived from a seed: \
            the same seed and world file always give the same channels, so `truth` can tell what an \
            archive of a channel must hold.
            """,
        subcommands: [SandboxServeCommand.self, SandboxTruthCommand.self],
        defaultSubcommand: SandboxServeCommand.self
    )
}
