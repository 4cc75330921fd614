/// Parses TL schema text (Telegram's `api.tl` / `mtproto.tl` dialect) into definitions.
///
/// Handles `//` comments, `---types---`/`---functions---` sections, `flags:#` words with `flags.N?T`
/// conditionals, `{X:Type}` generics with `!X` queries, boxed `Vector<T>` and bare `vector<T>`/`%T`.
/// Built-in declarations such as `int ? = Int;` are skipped.
public struct TLSchemaParser: Sendable {
    public init() {}

    /// Parses a whole schema text.
    public func parse(_ text: String) throws(TLSchemaError) -> [TLDefinition] {
        var definitions: [TLDefinition] = []
        var isFunction = false
        var pending = ""
        var pendingLine = 0
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if let comment = line.commentStart() { line = line[..<comment] }
            let trimmed = line.trimmingSpaces()
            if trimmed.isEmpty { continue }
            if trimmed == "---functions---" { isFunction = true; continue }
            if trimmed == "---types---" { isFunction = false; continue }
            if pending.isEmpty { pendingLine = lineNumber }
            pending += (pending.isEmpty ? "" : " ") + trimmed
            guard pending.hasSuffix(";") else { continue }
            let statement = String(pending.dropLast()).trimmingSpaces()
            pending = ""
            if let definition = try parseDefinition(statement, isFunction: isFunction, line: pendingLine) {
                definitions.append(definition)
            }
        }
        if !pending.isEmpty {
            throw TLSchemaError(line: pendingLine, message: "definition is not terminated by ';'")
        }
        return definitions
    }

    /// Parses one definition without its trailing `;`. Returns `nil` for built-in declarations.
    func parseDefinition(_ statement: String, isFunction: Bool, line: Int) throws(TLSchemaError) -> TLDefinition? {
        let sides = statement.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard sides.count == 2 else {
            throw TLSchemaError(line: line, message: "missing '=' in '\(statement)'")
        }
        var tokens = sides[0].split(separator: " ").map(String.init)
        let resultText = sides[1].trimmingSpaces()
        guard !tokens.isEmpty, !resultText.isEmpty else {
            throw TLSchemaError(line: line, message: "empty combinator in '\(statement)'")
        }
        if tokens.contains("?") { return nil }  // built-in: `int ? = Int`

        let head = tokens.removeFirst()
        let name: String
        var id: UInt32?
        if let hash = head.firstIndex(of: "#") {
            name = String(head[..<hash])
            let hex = head[head.index(after: hash)...]
            guard let value = UInt32(hex, radix: 16) else {
                throw TLSchemaError(line: line, message: "bad constructor id '\(hex)' for \(name)")
            }
            id = value
        } else {
            name = head
        }
        guard isIdentifier(name) else {
            throw TLSchemaError(line: line, message: "bad combinator name '\(name)'")
        }

        var generics: [String] = []
        var params: [TLParam] = []
        for token in tokens {
            if token.hasPrefix("{") {
                guard token.hasSuffix("}"), let colon = token.firstIndex(of: ":") else {
                    throw TLSchemaError(line: line, message: "bad generic parameter '\(token)'")
                }
                generics.append(String(token[token.index(after: token.startIndex)..<colon]))
                continue
            }
            guard let colon = token.firstIndex(of: ":") else {
                throw TLSchemaError(line: line, message: "parameter '\(token)' of \(name) has no type")
            }
            let paramName = String(token[..<colon])
            let typeText = String(token[token.index(after: colon)...])
            params.append(TLParam(name: paramName,
                                  type: try parseParamType(typeText, generics: generics, params: params, line: line)))
        }
        let result = try parseTypeRef(resultText, generics: generics, line: line)
        return TLDefinition(name: name, id: id, params: params, type: result, isFunction: isFunction,
                            genericParams: generics, line: line)
    }

    func parseParamType(_ text: String, generics: [String], params: [TLParam],
                        line: Int) throws(TLSchemaError) -> TLParamType {
        if text == "#" { return .flags }
        if let question = text.firstIndex(of: "?") {
            let condition = text[..<question]
            let parts = condition.split(separator: ".")
            guard parts.count == 2, let bit = Int(parts[1]), (0..<32).contains(bit) else {
                throw TLSchemaError(line: line, message: "bad flag condition '\(condition)'")
            }
            let field = String(parts[0])
            guard params.contains(where: { $0.name == field && $0.type == .flags }) else {
                throw TLSchemaError(line: line, message: "flag condition refers to unknown flags field '\(field)'")
            }
            let inner = try parseTypeRef(String(text[text.index(after: question)...]), generics: generics, line: line)
            return .conditional(field: field, bit: bit, type: inner)
        }
        return .plain(try parseTypeRef(text, generics: generics, line: line))
    }

    func parseTypeRef(_ text: String, generics: [String], line: Int) throws(TLSchemaError) -> TLTypeRef {
        if text.hasPrefix("!") {
            let name = String(text.dropFirst())
            guard generics.contains(name) else {
                throw TLSchemaError(line: line, message: "'\(text)' refers to an undeclared generic")
            }
            return .genericQuery(name)
        }
        if text.hasPrefix("%") {
            return .named(String(text.dropFirst()), bare: true)
        }
        if let open = text.firstIndex(of: "<") {
            guard text.hasSuffix(">") else {
                throw TLSchemaError(line: line, message: "unbalanced '<' in '\(text)'")
            }
            let outer = text[..<open]
            let inner = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
            let element = try parseTypeRef(inner, generics: generics, line: line)
            switch outer {
            case "Vector": return .vector(element, boxed: true)
            case "vector": return .vector(element, boxed: false)
            default: throw TLSchemaError(line: line, message: "unknown generic type '\(outer)'")
            }
        }
        if let scalar = TLScalar(rawValue: text) { return .scalar(scalar) }
        switch text {
        case "Bool": return .bool
        case "true": return .trueFlag
        case "Object": return .object
        default: break
        }
        if generics.contains(text) { return .generic(text) }
        guard isIdentifier(text) else {
            throw TLSchemaError(line: line, message: "bad type name '\(text)'")
        }
        let base = TLName.split(text).base
        let bare = base.first.map { $0.isLowercase } ?? false
        return .named(text, bare: bare)
    }

    private func isIdentifier(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter else { return false }
        return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
    }
}

extension Substring {
    /// Index of a `//` comment start, if any.
    func commentStart() -> Index? {
        var previousSlash = false
        for index in indices {
            if self[index] == "/" {
                if previousSlash { return self.index(before: index) }
                previousSlash = true
            } else {
                previousSlash = false
            }
        }
        return nil
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and carriage returns.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }),
              let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }
}
