import ArgumentParser
import Jobs

/// Which job files to read.
struct JobOptions: ParsableArguments {
    @Option(name: .long, help: "Job files or folders (repeatable).")
    var jobs: [String] = [JobFiles.defaultPath]

    /// Every job, or exit 78 printing each problem if any file is invalid.
    func load() throws -> [Job] {
        let report = JobFiles.read(paths: jobs)
        try ConfigurationFailure.exitIfAny(report.issues)
        return report.value
    }
}
