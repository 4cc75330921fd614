/// What reading configuration produced: the usable part of it, and every problem found.
///
/// `validate` commands print `issues`; commands that need the configuration call `get()`, which
/// refuses to hand out a value while any issue remains.
public struct ValidationReport<Value> {
    /// What could be read. For job files: the jobs without problems. For settings: the settings,
    /// with defaults where a value was invalid.
    public let value: Value
    /// Every problem found, sorted by file and position, without repeats.
    public let issues: [ValidationIssue]

    /// A report; `issues` are sorted and de-duplicated.
    public init(value: Value, issues: [ValidationIssue]) {
        self.value = value
        self.issues = Array(Set(issues)).sorted()
    }

    /// Whether there are no issues.
    public var isValid: Bool { issues.isEmpty }

    /// The value, if there are no issues.
    public func get() throws(ConfigurationError) -> Value {
        guard issues.isEmpty else { throw ConfigurationError(issues: issues) }
        return value
    }
}

extension ValidationReport: Sendable where Value: Sendable {}
