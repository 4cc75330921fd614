import ArgumentParser
import Foundation
import Jobs

/// `tgcron validate`: checks job files and settings without touching the archive or the network.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check job files, settings and the .env file; print every problem as file:line:column: message.",
        discussion: """
            Exits 0 when everything is valid and 78 (EX_CONFIG) when any problem is found. \
            Folders are read for *.yaml and *.yml files.
            """
    )

    @Argument(help: "Job files or folders to check.")
    var paths: [String] = [JobFiles.defaultPath]

    @Option(name: .long, help: "The settings file to check (default: the one other commands would read, if any).")
    var config: String?

    @Option(name: .customLong("settings"), help: .hidden)
    var settingsAlias: String?

    @Option(name: .long, help: "The secrets file to check (default: .env beside the settings file, if present).")
    var env: String?

    func run() throws {
        let jobs = JobFiles.read(paths: paths)
        var issues = jobs.issues
        let locations = ConfigLocations(config: config ?? settingsAlias, env: env,
                                        environment: ProcessInfo.processInfo.environment)
        var settings = Settings()
        if let path = locations.settings {
            let report = SettingsFile.read(path: path)
            issues += report.issues
            settings = report.value
        }
        issues += AccountCheck.issues(jobs: jobs.value, settings: settings)
        if locations.envNamed || FileManager.default.fileExists(atPath: locations.env) {
            issues += DotEnv.read(path: locations.env).issues
            if let warning = DotEnv.permissionWarning(path: locations.env) {
                FileHandle.standardError.write(Data("tgcron validate: warning: \(warning)\n".utf8))
            }
        }
        guard issues.isEmpty else {
            for issue in issues.sorted() { print(issue) }
            let files = Set(issues.map(\.file)).count
            FileHandle.standardError.write(Data(
                "tgcron validate: \(issues.count) problem(s) in \(files) file(s)\n".utf8))
            throw ExitCode(ConfigurationError.exitCode)
        }
        let enabled = jobs.value.filter(\.enabled).count
        print("ok: \(jobs.value.count) job(s) (\(enabled) enabled) in \(paths.joined(separator: ", "))")
    }
}
