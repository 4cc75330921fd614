import Archive
import ArchiveLocation
import ArchivePostgres
import ArgumentParser
import Foundation
import Scheduler

/// `tgcron archive copy`: moves an embedded SQLite archive into a PostgreSQL one (issue #19), resumably.
struct ArchiveCopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a SQLite archive into a PostgreSQL archive (resumable; SIGTERM stops after a batch).",
        discussion: """
            Every table is copied in batches; each batch commits with the copy's position, so a copy that is \
            stopped or killed continues where it was when run again, with nothing lost or doubled. The \
            password comes from TGCRON_PG_PASSWORD (config/.env or the environment), PGPASSWORD or ~/.pgpass, \
            never from the URL.
            """)

    @OptionGroup var options: ConfigOptions

    @Option(name: .long, help: "The SQLite archive to copy (default: the settings' archive.database or --db).")
    var from: String?

    @Option(name: .long, help: "The PostgreSQL archive, postgres://user@host:5432/database (default: the settings' archive.url).")
    var to: String?

    @Option(name: .long, help: "A PostgreSQL schema to hold the archive's tables (default: the role's search_path).")
    var schema: String?

    @Option(name: .long, help: "Rows per transaction.")
    var batch: Int = 500

    func run() throws {
        let context = try AppContext.load(options, command: "archive")
        let location: PostgresLocation
        if let to {
            do {
                location = try PostgresLocation(url: to)
            } catch {
                throw ValidationError("--to: \(error)")
            }
        } else if let configured = context.settings.archive.url {
            location = configured
        } else {
            throw ValidationError("--to postgres://user@host:5432/database is needed (or archive.url in the settings)")
        }
        let sourcePath = from ?? context.databasePath
        let source: ArchiveStore
        do {
            source = try ArchiveStore(path: sourcePath, readOnly: true)
        } catch {
            throw CLIFailure(error.description)
        }
        let stop = StopSignal()
        let logger = context.logger
        TerminationSignals.install(raising: stop) { logger.notice("\($0)") }
        let report: ArchiveCopyReport
        do {
            let target = try PostgresArchive(location: location,
                                             password: PostgresPassword.resolve(for: location, environment: context.environment),
                                             schema: schema)
            defer { target.close() }
            report = try target.copy(from: source, sourceName: URL(fileURLWithPath: sourcePath).standardizedFileURL.path,
                                     batchSize: batch, shouldStop: { stop.isRaised })
        } catch {
            throw CLIFailure(error.description)
        }
        for (table, columns) in report.droppedColumns {
            logger.notice("\(table): columns \(columns.joined(separator: ", ")) have no place in the PostgreSQL schema and were not copied")
        }
        let rows = report.copied.map { "\($0.table) \($0.rows)" }.joined(separator: ", ")
        if report.finished {
            print("\(sourcePath) → \(location): copy complete\(rows.isEmpty ? "" : " (\(rows))")")
        } else {
            print("\(sourcePath) → \(location): stopped\(rows.isEmpty ? "" : " after \(rows)"); run it again to continue")
            throw ExitCode(ExitStatus.deferred.rawValue)
        }
    }
}
