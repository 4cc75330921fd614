import ArgumentParser
import Foundation
import Jobs

/// Which job files to read.
struct JobOptions: ParsableArguments {
    @Option(name: .long, help: "Job files or folders (repeatable).")
    var jobs: [String] = [JobFiles.defaultPath]

    /// Every job, or exit 78 printing each problem if any file is invalid.
    func load(settings: Settings) throws -> [Job] {
        if jobs == [JobFiles.defaultPath], !FileManager.default.fileExists(atPath: JobFiles.defaultPath) {
            try ConfigurationFailure.exit("""
                no job files: there is no folder `\(JobFiles.defaultPath)` here. Copy jobs/example.yaml from the \
                tgcron sources into ./\(JobFiles.defaultPath)/, pass --jobs PATH, or archive one channel with \
                `tgcron backfill CHANNEL`
                """)
        }
        let report = JobFiles.read(paths: jobs)
        try ConfigurationFailure.exitIfAny(report.issues + AccountCheck.issues(jobs: report.value, settings: settings))
        return report.value
    }
}
