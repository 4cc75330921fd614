/// Reads and validates the account settings (`config/settings.yaml`).
public enum SettingsFile {
    /// Where the settings live unless a path is given.
    public static let defaultPath = "config/settings.yaml"

    /// Reads the settings at `path`. An unreadable file is an issue; a file that is empty or only
    /// comments means every default.
    public static func read(path: String) -> ValidationReport<Settings> {
        var issues: [ValidationIssue] = []
        guard let source = SourceFile.read(path, issues: &issues) else {
            return ValidationReport(value: Settings(), issues: issues)
        }
        return parse(source)
    }

    /// Validates settings already in memory.
    public static func parse(_ source: SourceText) -> ValidationReport<Settings> {
        let reader = NodeReader(file: source.file)
        let root = YAMLDocument.compose(source.text, reader: reader)
        let settings = SettingsDecoder(reader: reader).settings(root)
        return ValidationReport(value: settings, issues: reader.issues)
    }
}
