/// A problem found while parsing a TL schema, with the line it was found on.
public struct TLSchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based line number in the schema text.
    public var line: Int
    /// What is wrong.
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}
