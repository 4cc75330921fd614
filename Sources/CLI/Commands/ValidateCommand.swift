import ArgumentParser
import Foundation
import Jobs

/// `tgcron validate`: checks job files and settings without touching the archive or the network.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check job files and settings; print every problem as file:line:column: message.",
        discussion: """
            Exits 0 when everything is valid and 78 (EX_CONFIG) when any problem is found. \
            Folders are read for *.yaml and *.yml files.
            """
    )

    @Argument(help: "Job files or folders to check.")
    var paths: [String] = [JobFiles.defaultPath]

    @Option(name: .long, help: "The settings file to check (skipped if it does not exist and was not named).")
    var settings: String?

    func run() throws {
        let jobs = JobFiles.read(paths: paths)
        var issues = jobs.issues
        let settingsPath = settings ?? SettingsFile.defaultPath
        if settings != nil || FileManager.default.fileExists(atPath: settingsPath) {
            issues += SettingsFile.read(path: settingsPath).issues
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
