import ArgumentParser
import Archive
import Foundation

extension QueryFormat: ExpressibleByArgument {}

/// `tgcron sql "SELECT …"`: ad-hoc read-only questions to the archive.
struct SQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Run a read-only SQL query over the archive (tables, json or csv).",
        discussion: """
            The archive is opened read-only and only statements that read are run. tl_json(raw) turns a \
            message's raw TL bytes into JSON, so nested parts need no columns: \
            tgcron sql "SELECT id, json_extract(tl_json(raw), '$.media.document.mime_type') FROM messages \
            WHERE media_kind = 'messageMediaDocument' LIMIT 5"
            """)

    @OptionGroup var options: ConfigOptions

    @Argument(help: "One SQL statement that reads (SELECT, WITH, a read-only PRAGMA).")
    var query: String

    @Option(name: .long, help: "table, json or csv.")
    var format: QueryFormat = .table

    func run() throws {
        let context = try AppContext.load(options, command: "sql")
        let store = try context.openArchiveReadOnly()
        var sink = FileExportSink(handle: .standardOutput, name: "standard output")
        do {
            try store.query(query, format: format, to: &sink)
            try sink.close()
        } catch {
            throw CLIFailure(error.description)
        }
    }
}
