import ArgumentParser
import Archive
import Foundation
import Jobs
import Scheduler

/// `tgcron export`: streams archived messages as JSONL, CSV, Telegram Desktop JSON or HTML, in constant memory.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write archived messages as jsonl, csv, desktop-json (Telegram Desktop's result.json) or html (its messages.html pages).")

    @OptionGroup var options: ConfigOptions

    @Option(name: .long, help: "Only this channel: @name, t.me/name or a channel id (required for desktop-json and html).")
    var channel: String?

    @Option(name: .long, help: "Only messages posted at or after this date (YYYY-MM-DD, RFC 3339, or 30d for 30 days ago).")
    var since: String?

    @Option(name: .long, help: "Only messages posted before this date (same forms as --since).")
    var until: String?

    @Option(name: .long, help: "jsonl, csv, desktop-json or html.")
    var format: ExportFormat = .jsonl

    @Option(name: .long, help: "The output file; - is standard output. For html, the folder the pages go into.")
    var out: String = "-"

    @Option(name: .long, help: ArgumentHelp(
        "desktop-json and html: place downloaded media in this folder in Telegram Desktop's layout (photos/, video_files/, files/, voice_messages/…), hard-linked or copied; write the JSON there too (--out DIR/result.json); html writes its pages there.",
        valueName: "dir"))
    var withMedia: String?

    @Flag(name: .long, help: "With --channel: each archived comment (its discussion group's) on its own line after the posts, with the post it is under (comment_of).")
    var comments = false

    @Flag(name: .long, help: "csv: start with a UTF-8 byte order mark, for spreadsheet programs.")
    var csvBom = false

    @Flag(name: .long, help: "csv: prefix cells starting with = + - @ with ' so spreadsheets do not run them as formulas.")
    var csvGuardFormulas = false

    func run() throws {
        let context = try AppContext.load(options, command: "export")
        let store = try context.openArchiveReadOnly()
        var filter = try ArchiveArguments.filter(channel: channel, since: since, until: until, in: store)
        if comments {
            guard let channel = filter.channel else { throw CLIFailure("--comments needs --channel") }
            guard let group = try store.discussionGroup(of: channel) else {
                throw CLIFailure("--comments: no comments of \(self.channel ?? String(channel)) are archived (archive them with comments: true in its job, or backfill --comments)")
            }
            filter.commentsGroup = group
        }
        if format == .desktopJSON || format == .html, filter.channel == nil {
            throw CLIFailure("--format \(format.rawValue) exports one channel: add --channel")
        }
        if format == .html { return try exportHTML(context: context, store: store, filter: filter) }
        if let withMedia {
            guard format == .desktopJSON else { throw CLIFailure("--with-media goes with --format desktop-json or html") }
            do {
                try FileManager.default.createDirectory(atPath: withMedia, withIntermediateDirectories: true)
            } catch {
                throw CLIFailure("--with-media: cannot create \(withMedia): \(error.localizedDescription)")
            }
        }
        var sink: FileExportSink
        do {
            sink = out == "-"
                ? FileExportSink(handle: .standardOutput, name: "standard output")
                : try FileExportSink(path: out, protecting: ArchiveStore.files(ofDatabase: context.databasePath)
                    + [AccountLock.path(forDatabase: context.databasePath)])
        } catch {
            throw CLIFailure(error.description)
        }
        do throws(ArchiveError) {
            let count = try store.export(format, filter: filter, to: &sink,
                                         csv: CSVOptions(byteOrderMark: csvBom, guardFormulas: csvGuardFormulas),
                                         media: withMedia.map { DesktopMediaFolder(root: context.mediaRoot, directory: $0) })
            try sink.close()
            if out != "-" { context.logger.info("exported \(count) message(s) to \(out)") }
        } catch .exportReaderGone {
            // `tgcron export | head -1`: the reader has what it wanted; the output ends, quietly, with exit 0.
            sink.abandon()
        } catch {
            sink.abandon()
            throw CLIFailure(error.description)
        }
    }
}

extension ExportCommand {
    /// `--format html`: the pages go into `--out DIR` (or the `--with-media` folder; both must agree).
    private func exportHTML(context: AppContext, store: ArchiveStore, filter: ExportFilter) throws {
        let folder: String
        switch (out == "-" ? nil : out, withMedia) {
        case (nil, nil): throw CLIFailure("--format html writes a folder: add --out DIR")
        case (let out?, let media?) where (out as NSString).standardizingPath != (media as NSString).standardizingPath:
            throw CLIFailure("--format html: --with-media must name the --out folder (the pages link the files beside them)")
        case (let out?, _): folder = out
        case (nil, let media?): folder = media
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw CLIFailure("--out: cannot create \(folder): \(error.localizedDescription)")
        }
        do throws(ArchiveError) {
            let count = try store.exportHTML(
                filter: filter, directory: folder,
                protecting: ArchiveStore.files(ofDatabase: context.databasePath) + [AccountLock.path(forDatabase: context.databasePath)],
                media: withMedia.map { DesktopMediaFolder(root: context.mediaRoot, directory: $0) })
            context.logger.info("exported \(count) message(s) to \(folder)")
        } catch {
            throw CLIFailure(error.description)
        }
    }
}

extension ExportFormat: ExpressibleByArgument {}
