import ArgumentParser
import Archive
import Foundation
import Jobs
import Logging

/// The account's settings, environment and archive path, read and validated once per command.
struct AppContext {
    /// The validated settings.
    let settings: Settings
    /// `config/.env` merged under the process environment.
    let environment: [String: String]
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
        return AppContext(settings: settings, environment: environment,
                          databasePath: options.db ?? settings.archive.database, logger: logger)
    }

    /// Opens the archive for writing (creating it, mode 0600).
    func openArchive() throws -> ArchiveStore {
        do {
            return try ArchiveStore(path: databasePath)
        } catch {
            throw CLIFailure(error.description)
        }
    }

    /// Opens an existing archive without writing to it.
    func openArchiveReadOnly() throws -> ArchiveStore {
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw CLIFailure("no archive at \(databasePath) yet: the first step is `tgcron login`, then `tgcron run` or `tgcron backfill` (or pass --db)")
        }
        do {
            return try ArchiveStore(path: databasePath, readOnly: true)
        } catch {
            throw CLIFailure(error.description)
        }
    }
}
