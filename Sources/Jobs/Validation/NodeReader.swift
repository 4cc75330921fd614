import Yams

/// Reads values out of one file's YAML nodes and records every problem as a `ValidationIssue`
/// pointing at the offending node.
///
/// Readers return nil both for an absent value and for an invalid one; callers that must tell the
/// two apart compare `issueCount` before and after.
final class NodeReader {
    /// The file the nodes come from, as named in issues.
    let file: String
    private(set) var issues: [ValidationIssue] = []

    init(file: String) {
        self.file = file
    }

    /// How many issues have been recorded so far.
    var issueCount: Int { issues.count }

    /// Records `message` at a 1-based position.
    func report(_ message: String, line: Int, column: Int) {
        issues.append(ValidationIssue(file: file, line: line, column: column, message: message))
    }

    /// Records `message` at `node`, `offset` Unicode scalars into it (1:1 if the node has no mark).
    func report(_ message: String, at node: Node, offset: Int = 0) {
        report(message, line: node.mark?.line ?? 1, column: (node.mark?.column ?? 1) + offset)
    }

    /// Records "`path` must be `expected`, got …" at `node`.
    func reportType(_ path: String, expected: String, got node: Node) {
        report("'\(path)' must be \(expected), got \(node.kindDescription)", at: node)
    }

    /// Where `node` starts, for job locations and "first defined at" notes.
    func location(of node: Node) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }
}

extension Node {
    /// How messages describe what was found: `string "lots"`, `integer 5`, `a list`.
    var kindDescription: String {
        switch self {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            switch tag.rawValue {
            case Tag.Name.null.rawValue: return "an empty value"
            case Tag.Name.int.rawValue: return "integer \(scalar.string)"
            case Tag.Name.float.rawValue: return "number \(scalar.string)"
            case Tag.Name.bool.rawValue: return "boolean \(scalar.string)"
            default: return "string \"\(scalar.string)\""
            }
        }
    }

    /// Whether this is a YAML null (`~`, `null` or nothing after the colon).
    var isNull: Bool {
        if case .scalar = self { return tag.rawValue == Tag.Name.null.rawValue }
        return false
    }

    /// Whether the resolved tag is `name`.
    func hasTag(_ name: Tag.Name) -> Bool {
        tag.rawValue == name.rawValue
    }

    /// The column offset of a scalar's text from its mark: 1 past an opening quote, else 0.
    var textOffset: Int {
        guard case .scalar(let scalar) = self else { return 0 }
        return scalar.style == .singleQuoted || scalar.style == .doubleQuoted ? 1 : 0
    }
}
