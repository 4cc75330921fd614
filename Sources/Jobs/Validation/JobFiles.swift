import Foundation

/// Reads and validates job files (`jobs/*.yaml`): the entry point for `tgcron validate` and for
/// the scheduler.
///
/// ```swift
/// let report = JobFiles.read(paths: ["jobs"])
/// report.issues.forEach { print($0) }          // file:line:column: message
/// let jobs = try report.get()                  // throws ConfigurationError if any issue
/// ```
public enum JobFiles {
    /// Where job files live unless paths are given.
    public static let defaultPath = "jobs"
    /// File extensions read from a folder.
    public static let extensions = ["yaml", "yml"]

    /// Reads every job file named by `paths`: files as given, folders as their `*.yaml` and `*.yml`
    /// files (sorted by name, not recursive). The report holds the valid jobs and every problem,
    /// including unreadable files and job names used twice anywhere.
    public static func read(paths: [String]) -> ValidationReport<[Job]> {
        var sources: [SourceText] = []
        var issues: [ValidationIssue] = []
        var seen: Set<String> = []
        for path in paths {
            // A file named twice (`jobs jobs/news.yaml`) is read once, not reported as duplicate jobs.
            for file in files(at: path, issues: &issues) where seen.insert((file as NSString).standardizingPath).inserted {
                if let source = SourceFile.read(file, issues: &issues) { sources.append(source) }
            }
        }
        let report = parse(sources)
        return ValidationReport(value: report.value, issues: report.issues + issues)
    }

    /// Validates job files already in memory (tests, standard input), in the order given.
    public static func parse(_ sources: [SourceText]) -> ValidationReport<[Job]> {
        var jobs: [Job] = []
        var issues: [ValidationIssue] = []
        var firstDefinition: [String: SourceLocation] = [:]
        var duplicated: Set<String> = []
        for source in sources {
            let decoded = JobFileDecoder(source)
            issues += decoded.issues
            for entry in decoded.names {
                if let first = firstDefinition[entry.name] {
                    duplicated.insert(entry.name)
                    let place = first.file == entry.location.file ? "line \(first.line)" : "\(first.file):\(first.line)"
                    issues.append(ValidationIssue(file: entry.location.file, line: entry.location.line,
                                                  column: entry.location.column,
                                                  message: "duplicate job name '\(entry.name)' (first defined at \(place))"))
                } else {
                    firstDefinition[entry.name] = entry.location
                }
            }
            jobs += decoded.jobs
        }
        return ValidationReport(value: jobs.filter { !duplicated.contains($0.name) }, issues: issues)
    }

    /// The job files a path names; a missing path or a folder without job files is an issue.
    private static func files(at path: String, issues: inout [ValidationIssue]) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            issues.append(ValidationIssue(file: path, line: 1, column: 1, message: "no such file or folder"))
            return []
        }
        guard isFolder.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let files = names
            .filter { name in !name.hasPrefix(".") && extensions.contains { name.hasSuffix(".\($0)") } }
            .sorted()
            .map { (path as NSString).appendingPathComponent($0) }
        if files.isEmpty {
            issues.append(ValidationIssue(file: path, line: 1, column: 1,
                                          message: "no job files (*.yaml or *.yml) in this folder"))
        }
        return files
    }
}
