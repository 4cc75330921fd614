import ArgumentParser
import Archive
import Foundation

/// `tgcron archive check|recover`: finds damage in the archive and copies what is readable into a new one.
struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Check the archive for damage, or recover its readable rows into a new file.",
        subcommands: [ArchiveCheckCommand.self, ArchiveRecoverCommand.self, ArchiveMigrateCommand.self, ArchiveCopyCommand.self])
}

/// `tgcron archive check`.
struct ArchiveCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Read every page of the archive (SQLite's integrity_check); exit 1 if it is damaged.")

    @OptionGroup var options: ConfigOptions

    func run() throws {
        let context = try AppContext.load(options, command: "archive")
        let store = try context.openArchiveReadOnly()
        let problems: [String]
        do {
            problems = try store.integrityProblems()
        } catch {
            throw CLIFailure(error.description)
        }
        guard problems.isEmpty else {
            for problem in problems { FileHandle.standardError.write(Data("\(problem)\n".utf8)) }
            throw CLIFailure(ArchiveError.corrupt(path: context.databasePath, reason: "\(problems.count) problem(s) above").description)
        }
        print("\(context.databasePath): ok")
    }
}

/// `tgcron archive recover --out NEW`.
struct ArchiveRecoverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recover",
        abstract: "Copy every row SQLite can still read from a damaged archive into a new archive file.",
        discussion: """
            The damaged file is only read. Check the new file (`tgcron archive check --db NEW`), keep the \
            damaged one aside, then point archive.database (or --db) at the new file. Messages lost with \
            unreadable pages are fetched again by the next backfill of their channels.
            """)

    @OptionGroup var options: ConfigOptions

    @Option(name: .long, help: "The new archive file to create (it must not exist).")
    var out: String

    func run() throws {
        let context = try AppContext.load(options, command: "archive")
        guard FileManager.default.fileExists(atPath: context.databasePath) else {
            throw CLIFailure("no archive at \(context.databasePath)")
        }
        let report: ArchiveRecovery.Report
        do {
            report = try ArchiveRecovery.recover(from: context.databasePath, to: out)
        } catch {
            throw CLIFailure(error.description)
        }
        for table in report.rows.keys.sorted() { print("\(table): \(report.rows[table] ?? 0) row(s)") }
        for table in report.unreadableTables { print("\(table): unreadable") }
        context.logger.info("recovered \(report.totalRows) row(s) into \(out)")
    }
}
