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
    /// The secrets file named by `--env`, for hints.
    let envFile: String
    /// The archive database file.
    let databasePath: String
    /// The command's logger.
    let logger: Logger

    /// Reads `options`' files: any invalid setting is printed as file:line:column and exits 78 before
    /// anything is touched. A settings or .env file left at its default path may be absent.
    static func load(_ options: ConfigOptions, command: String) throws -> AppContext {
        var issues: [ValidationIssue] = []
        var settings = Settings()
        if options.config != SettingsFile.defaultPath || FileManager.default.fileExists(atPath: options.config) {
            let report = SettingsFile.read(path: options.config)
            settings = report.value
            issues += report.issues
        }
        var environment = ProcessInfo.processInfo.environment
        if options.env != DotEnv.defaultPath || FileManager.default.fileExists(atPath: options.env) {
            let report = DotEnv.read(path: options.env)
            issues += report.issues
            environment.merge(report.value) { process, _ in process }
        }
        try ConfigurationFailure.exitIfAny(issues)
        options.log.bootstrap(settings: settings.log)
        return AppContext(settings: settings, environment: environment, envFile: options.env,
                          databasePath: options.db ?? settings.archive.database,
                          logger: Logger(label: "tgcron.\(command)"))
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
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw CLIFailure("no archive at \(databasePath) yet (run `tgcron run` or `tgcron backfill` first, or pass --db)")
        }
        do {
            return try ArchiveStore(path: databasePath, readOnly: true)
        } catch .foreignDatabase {
            try ConfigurationFailure.exit(ArchiveError.foreignDatabase(path: databasePath).description)
        } catch {
            throw CLIFailure(error.description)
        }
    }
}
