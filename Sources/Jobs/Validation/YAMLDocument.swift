import Yams

/// Turns a file's text into a YAML node tree, mapping every Yams error to an issue at the right
/// line and column, with a hint for the mistakes people make most in job files.
enum YAMLDocument {
    /// The root node of `text`, or nil if the text is not valid YAML (reported) or holds no
    /// document (not reported: the caller says what was expected).
    static func compose(_ text: String, reader: NodeReader) -> Node? {
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            let (message, line, column) = describe(error, in: text)
            reader.report(message, line: line, column: column)
        } catch {
            reader.report("cannot read YAML: \(error)", line: 1, column: 1)
        }
        return nil
    }

    private static func describe(_ error: YamlError, in text: String) -> (String, Int, Int) {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            return syntax(problem: problem, context: context, mark: mark, in: text)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? "?"
            let first = context.mark
            if let line = lineOfSecondOccurrence(of: key, after: first, in: text) {
                return ("duplicate key '\(key)' (first set at line \(first.line))", line, first.column)
            }
            return ("duplicate key '\(key)'", first.line, first.column)
        case .reader(let problem, let offset, _, _):
            let position = offset.map { lineAndColumn(ofCharacter: $0, in: text) } ?? (1, 1)
            return ("cannot read the file: \(problem)", position.0, position.1)
        default:
            return ("invalid YAML: \(error)", 1, 1)
        }
    }

    /// A scanner, parser or composer error, with hints for unquoted `*` and `@`, tabs and
    /// unterminated quotes.
    private static func syntax(problem: String, context: YamlError.Context?, mark: Mark,
                               in text: String) -> (String, Int, Int) {
        let contextText = context?.text ?? ""
        if contextText == "while scanning an alias", let start = context?.mark {
            return ("a value cannot start with '*' in YAML: quote it, as in \"*/15 * * * *\"", start.line, start.column)
        }
        if problem == "found character that cannot start any token", let character = self.character(at: mark, in: text),
           startsValue(at: mark, in: text) {
            switch character {
            case "@":
                return ("a value cannot start with '@' in YAML: quote it, as in \"@sandbox_news\" or \"@daily\"",
                        mark.line, mark.column)
            case "\t":
                return ("tabs cannot indent YAML: use spaces", mark.line, mark.column)
            case "`":
                return ("a value cannot start with '`' in YAML: quote it", mark.line, mark.column)
            default:
                break
            }
        }
        if problem == "found character that cannot start any token", let character = self.character(at: mark, in: text),
           let previous = lastCharacter(before: mark, in: text), previous == "\"" || previous == "'" {
            return ("unexpected '\(character)' after a quoted string: is a closing quote missing on an earlier line?",
                    mark.line, mark.column)
        }
        if problem.contains("tab character") {
            return ("tabs cannot indent YAML: use spaces", mark.line, mark.column)
        }
        if contextText == "while scanning a quoted scalar", let start = context?.mark {
            return ("unterminated quoted string", start.line, start.column)
        }
        if problem == "did not find expected key" || problem == "did not find expected '-' indicator",
           let start = context?.mark {
            return ("bad indentation: this line does not line up with the block that starts at line \(start.line)",
                    mark.line, mark.column)
        }
        let note = context.flatMap { context in
            context.mark.line == mark.line && context.mark.column == mark.column ? nil
                : " (\(context.text) started at line \(context.mark.line), column \(context.mark.column))"
        } ?? ""
        return ("invalid YAML: \(problem)\(note)", mark.line, mark.column)
    }

    /// Whether the character at `mark` is the first of a value: only spaces and one of `:`, `-`,
    /// `[`, `{` or `,` (or nothing) come before it on its line.
    private static func startsValue(at mark: Mark, in text: String) -> Bool {
        guard let last = lastCharacter(before: mark, in: text) else { return true }
        return ":-[{,".unicodeScalars.contains(last)
    }

    /// The last character other than a space before `mark` on its line, if any.
    private static func lastCharacter(before mark: Mark, in text: String) -> Unicode.Scalar? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        return lines[mark.line - 1].unicodeScalars.prefix(max(mark.column - 1, 0)).last(where: { $0 != " " })
    }

    /// The character at a 1-based line and column (columns count Unicode scalars, as libyaml does).
    private static func character(at mark: Mark, in text: String) -> Unicode.Scalar? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        let scalars = Array(lines[mark.line - 1].unicodeScalars)
        return mark.column >= 1 && mark.column <= scalars.count ? scalars[mark.column - 1] : nil
    }

    /// The line where `key:` appears again at the same column after its first occurrence: Yams
    /// reports only the first, but the second is the one to delete.
    private static func lineOfSecondOccurrence(of key: String, after first: Mark, in text: String) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line < lines.count else { return nil }
        for index in first.line..<lines.count {
            let scalars = Substring(lines[index]).unicodeScalars
            guard scalars.count >= first.column else { continue }
            let start = scalars.index(scalars.startIndex, offsetBy: first.column - 1)
            let rest = Substring(scalars[start...])
            let afterKey = rest.dropFirst(key.count).drop(while: { $0 == " " })
            let before = Substring(scalars[..<start])
            let indentOK = before.allSatisfy { $0 == " " || $0 == "-" }
            if indentOK, rest.hasPrefix(key), afterKey.hasPrefix(":") {
                return index + 1
            }
        }
        return nil
    }

    /// 1-based line and column of the character `offset` characters into `text`.
    private static func lineAndColumn(ofCharacter offset: Int, in text: String) -> (Int, Int) {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character == "\n" { line += 1; column = 1 } else { column += character.unicodeScalars.count }
        }
        return (line, column)
    }
}
