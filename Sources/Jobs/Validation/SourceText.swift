/// The text of a configuration file, with the name issues should give it.
public struct SourceText: Hashable, Sendable {
    /// The name used in issues, usually the path as the user typed it.
    public let file: String
    /// The file's contents.
    public let text: String

    /// A source named `file`.
    public init(file: String, text: String) {
        self.file = file
        self.text = text
    }
}
