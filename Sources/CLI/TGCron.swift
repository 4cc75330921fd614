import ArgumentParser

/// The `tgcron` command: archives Telegram channels on a schedule.
@main
struct TGCron: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tgcron",
        abstract: "Archive Telegram channels on a schedule, through MTProto, without bursts or duplicates.",
        subcommands: [ValidateCommand.self, TLCommand.self, SandboxCommand.self]
    )
}
