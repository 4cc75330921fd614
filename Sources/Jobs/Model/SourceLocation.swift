/// A position in a configuration file: 1-based line and column.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file as it was named to the loader.
    public let file: String
    /// Line number, from 1.
    public let line: Int
    /// Column number, from 1, counted in Unicode scalars.
    public let column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`.
    public var description: String { "\(file):\(line):\(column)" }
}
