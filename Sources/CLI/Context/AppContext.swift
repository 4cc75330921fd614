import ArgumentParser
import Archive
import Foundation
import Jobs
import Logging

/// The account's settings, environment and archive path, read and validated once per command.
struct AppContext {
    /// The validated settings.
    let settings: Settings
    /// The secrets file (`--env`) merged under the process environment.
    let environment: [String: String]
    /// The secrets file read (`--env`, or the one found beside the settings), for hints.
    let envFile: String
    /// The archive database file.
    let databasePath: String
    /// The command's logger.
    let logger: Logger

    /// Reads `options`' files (see `ConfigLocations` for which): any invalid setting, or a file named but
    /// missing, is printed as file:line:column and exits 78 before anything is touched.
    static func load(_ options: ConfigOptions, command: String) throws -> AppContext {
        var issues: [ValidationIssue] = []
        var settings = Settings()
        var environment = ProcessInfo.processInfo.environment
        let locations = options.locations(environment: environment)
        if let path = locations.settings {
            let report = SettingsFile.read(path: path)
            settings = report.value
            issues += report.issues
        }
        let envPresent = FileManager.default.fileExists(atPath: locations.env)
        if locations.envNamed || envPresent {
            let report = DotEnv.read(path: locations.env)
            issues += report.issues
            environment.merge(report.value) { process, _ in process }
        }
        try ConfigurationFailure.exitIfAny(issues)
        options.log.bootstrap(settings: settings.log)
        let logger = Logger(label: "tgcron.\(command)")
        if let path = locations.settings {
            logger.debug("settings read", metadata: ["file": "\(path)"])
        } else {
            logger.debug("no settings file: every setting has its default",
                         metadata: ["searched": "\(locations.searched.joined(separator: ", "))"])
        }
        if envPresent, let warning = DotEnv.permissionWarning(path: locations.env) { logger.warning("\(warning)") }
        return AppContext(settings: settings, environment: environment, envFile: locations.env,
                          databasePath: options.db ?? settings.archive.database, logger: logger)
    }

    /// Exits 78 if the archive path names another application's SQLite file, before anything (a lock file)
    /// is created beside it; other problems are left to opening the archive.
    func refuseForeignDatabase() throws {
        do {
            try ArchiveStore.refuseForeignDatabase(at: databasePath)
        } catch .foreignDatabase {
            try ConfigurationFailure.exit(ArchiveError.foreignDatabase(path: databasePath).description)
        } catch {
            return
        }
    }

    /// Opens the archive for writing (creating it, mode 0600); another application's database exits 78.
    func openArchive() throws -> ArchiveStore {
        warnPostgresNotUsed()
        do {
            return try ArchiveStore(path: databasePath)
        } catch .foreignDatabase {
            try ConfigurationFailure.exit(ArchiveError.foreignDatabase(path: databasePath).description)
        } catch {
            throw CLIFailure(error)
        }
    }

    /// Opens an existing archive without writing to it.
    func openArchiveReadOnly() throws -> ArchiveStore {
        warnPostgresNotUsed()
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw CLIFailure("no archive at \(databasePath) yet: the first step is `tgcron login`, then `tgcron run` or `tgcron backfill` (or pass --db)")
        }
        do {
            return try ArchiveStore(path: databasePath, readOnly: true)
        } catch .foreignDatabase {
            try ConfigurationFailure.exit(ArchiveError.foreignDatabase(path: databasePath).description)
        } catch {
            throw CLIFailure(error.description)
        }
    }

    /// Says that `archive.url` does not apply to this command: only login, run, backfill, daemon and
    /// `archive copy` use PostgreSQL yet.
    private func warnPostgresNotUsed() {
        guard let url = settings.archive.url else { return }
        logger.warning("archive.url (\(url)) is set, but this command uses the SQLite archive at \(databasePath): only login, run, backfill, daemon and archive copy use PostgreSQL yet")
    }
}
