/// One problem in a configuration file, printed as `file:line:column: message`.
public struct ValidationIssue: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The file as it was named to the loader.
    public let file: String
    /// Line number, from 1.
    public let line: Int
    /// Column number, from 1, counted in Unicode scalars.
    public let column: Int
    /// What is wrong, for the person editing the file.
    public let message: String

    /// Creates an issue.
    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`, the form editors and CI annotate from.
    public var description: String { "\(file):\(line):\(column): \(message)" }

    /// Orders by file name, then position, then message.
    public static func < (lhs: ValidationIssue, rhs: ValidationIssue) -> Bool {
        (lhs.file, lhs.line, lhs.column, lhs.message) < (rhs.file, rhs.line, rhs.column, rhs.message)
    }
}
