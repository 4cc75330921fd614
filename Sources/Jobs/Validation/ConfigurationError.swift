/// Configuration that cannot be used, with every problem found (never only the first).
public struct ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The exit status for invalid configuration: `EX_CONFIG` from sysexits.h. `tgcron validate`
    /// and any command that refuses to start on bad configuration exit with it.
    public static let exitCode: Int32 = 78

    /// The problems, sorted by file and position.
    public let issues: [ValidationIssue]

    /// An error carrying `issues`.
    public init(issues: [ValidationIssue]) {
        self.issues = issues
    }

    /// One issue per line.
    public var description: String {
        issues.map(\.description).joined(separator: "\n")
    }
}
