import ArgumentParser
import Archive
import Foundation

/// `tgcron search QUERY`: full-text search over the archived messages' text.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find archived messages by their text (channel, id, date and a highlighted snippet).",
        discussion: """
            QUERY uses SQLite FTS5's syntax: words (all must match), "a phrase", prefix*, OR, NOT, and \
            NEAR(a b). Matching ignores case and diacritics. Messages marked deleted are found too.
            """)

    @OptionGroup var options: ConfigOptions

    @Argument(help: "What to look for.")
    var query: String

    @Option(name: .long, help: "Only this channel: @name, t.me/name or a channel id.")
    var channel: String?

    @Option(name: .long, help: "Only messages posted at or after this date (YYYY-MM-DD, RFC 3339, or 30d for 30 days ago).")
    var since: String?

    @Option(name: .long, help: "Only messages posted before this date (same forms as --since).")
    var until: String?

    @Option(name: .long, help: "At most this many matches, the most recently archived first.")
    var limit: Int = 20

    @Flag(name: .long, help: "Order by relevance (BM25) instead: slower, every match is scored.")
    var best = false

    @Option(name: .long, help: "table, json or csv.")
    var format: QueryFormat = .table

    func run() throws {
        let context = try AppContext.load(options, command: "search")
        let store = try context.openArchiveReadOnly()
        let filter = try ArchiveArguments.filter(channel: channel, since: since, until: until, in: store)
        // Bold on a terminal; marks that survive a pipe otherwise.
        let highlight = format == .table && isatty(STDOUT_FILENO) == 1 ? ("\u{1B}[1m", "\u{1B}[0m") : ("**", "**")
        var sink = FileExportSink(handle: .standardOutput, name: "standard output")
        do {
            try store.search(query, filter: filter, limit: limit, bestFirst: best, format: format, highlight: highlight, to: &sink)
            try sink.close()
        } catch {
            throw CLIFailure(error.description)
        }
    }
}
