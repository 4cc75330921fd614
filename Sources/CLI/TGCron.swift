import ArgumentParser

/// The `tgcron` command: archives Telegram channels on a schedule.
@main
struct TGCron: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tgcron",
        abstract: "Archive Telegram channels on a schedule, through MTProto, without bursts or duplicates.",
        subcommands: [
            RunCommand.self, DaemonCommand.self, BackfillCommand.self, LoginCommand.self, SessionCommand.self,
            StatusCommand.self, ExportCommand.self, ArchiveCommand.self, ValidateCommand.self, SandboxCommand.self, TLCommand.self,
        ]
    )
}
