import Foundation

/// Reads configuration files from disk, turning failures into issues.
enum SourceFile {
    /// The file's text, or nil with an issue saying why it could not be read.
    static func read(_ path: String, issues: inout [ValidationIssue]) -> SourceText? {
        guard let data = FileManager.default.contents(atPath: path) else {
            issues.append(ValidationIssue(file: path, line: 1, column: 1, message: "cannot read the file"))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            issues.append(ValidationIssue(file: path, line: 1, column: 1, message: "the file is not UTF-8 text"))
            return nil
        }
        return SourceText(file: path, text: text)
    }
}
