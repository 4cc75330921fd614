import ArgumentParser

/// `tgcron manual` (hidden): the man page, tgcron(1) in roff, generated from the argument parser so it never
/// drifts from `--help`; `make install` writes it to share/man/man1.
struct ManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manual", abstract: "Print the tgcron(1) man page (roff).", shouldDisplay: false)

    func run() {
        var page = """
            .TH TGCRON 1 "" "tgcron \(BuildInfo.version)" "User Commands"
            .SH NAME
            tgcron \\- \(Self.escape(TGCron.configuration.abstract))
            .SH SYNOPSIS
            .B tgcron
            .I command
            [options]
            .SH DESCRIPTION
            tgcron archives Telegram channels on a schedule through its own MTProto client, every message exactly
            once, paced by a rate governor. Each command below is shown as its \\fB\\-\\-help\\fR prints it.
            .SH COMMANDS

            """
        for (path, command) in Self.commands(TGCron.self, path: ["tgcron"]) {
            page += ".SS \"\(path.joined(separator: " "))\"\n.nf\n"
            page += Self.escape(TGCron.helpMessage(for: command, columns: 100)) + "\n.fi\n"
        }
        page += """
            .SH EXIT STATUS
            .TP
            0
            everything due was done
            .TP
            1
            a failure; the archive and checkpoints stay as last committed
            .TP
            64
            a usage error, such as an unknown command
            .TP
            75
            something was deferred (rate limits, budgets, run windows, the account lock, a stop cut short)
            .TP
            78
            a job file, the settings or the .env file is invalid; nothing was touched
            .SH FILES
            config/settings.yaml, config/.env, jobs/*.yaml, tgcron.sqlite and tgcron.sqlite.lock, in the working
            directory (see \\fB\\-\\-config\\fR for where settings are looked for).

            """
        print(page, terminator: "")
    }

    /// Every visible command under `root`, depth first, with the words that name it.
    private static func commands(_ root: any ParsableCommand.Type, path: [String]) -> [([String], any ParsableCommand.Type)] {
        root.configuration.subcommands.filter { $0.configuration.shouldDisplay }.flatMap { command in
            let words = path + [command.configuration.commandName ?? String(describing: command)]
            return [(words, command)] + commands(command, path: words)
        }
    }

    /// `text` safe for roff: backslashes doubled, a leading `.` or `'` guarded.
    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\e").split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") || $0.hasPrefix("'") ? "\\&" + $0 : String($0) }
            .joined(separator: "\n")
    }
}
