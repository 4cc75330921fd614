import Archive
import ArgumentParser
import Foundation

/// The `tgcron` command: archives Telegram channels on a schedule.
@main
struct TGCron: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tgcron",
        abstract: "Archive Telegram channels on a schedule, through MTProto, without bursts or duplicates.",
        version: BuildInfo.version,
        subcommands: [
            RunCommand.self, DaemonCommand.self, BackfillCommand.self, LoginCommand.self, SessionCommand.self,
            StatusCommand.self, ExportCommand.self, ArchiveCommand.self, ValidateCommand.self, DoctorCommand.self,
            SandboxCommand.self, TLCommand.self, ManualCommand.self, MediaCommand.self, SQLCommand.self, SearchCommand.self,
        ]
    )

    /// Parses and runs the command line; a word that names no command is a usage error (exit 64), even
    /// with `--help` after it.
    static func main() async {
        StandardStreams.ignoreBrokenPipes()
        SQLiteProcessSettings.apply()
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let word = arguments.first, !word.hasPrefix("-"), !knownCommands.contains(word) {
            StandardStreams.writeError("""
                Error: unknown command '\(word)'
                Commands: \(knownCommands.sorted().joined(separator: ", ")). See 'tgcron --help'.

                """)
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        await main(arguments)
    }

    /// The words that may follow `tgcron`: each subcommand's name, and `help`.
    private static var knownCommands: Set<String> {
        Set(configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"])
    }
}
