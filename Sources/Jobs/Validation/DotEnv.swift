import Foundation

/// Reads `KEY=VALUE` files such as `config/.env`, which hold secrets.
///
/// Syntax (the one rule for this file, which systemd's `EnvironmentFile=` reads too, so tgcron accepts
/// only what systemd reads the same way): one `KEY=VALUE` per line; blank lines and lines starting with
/// `#` are skipped; values may be bare, `"double quoted"` (where `\"`, `\\`, `\$` and `` \` `` are
/// escapes and any other backslash is kept as it is) or `'single quoted'` (taken literally). Refused,
/// because systemd reads them differently: an `export ` prefix (systemd skips the line), a comment after
/// a value (systemd keeps it in the value) and text after a closing quote. There is no variable
/// expansion and no multi-line value.
///
/// Messages name the line and, once it is known, the variable, but never quote a value: a
/// malformed line may well be a secret.
public enum DotEnv {
    /// Where the secrets live unless a path is given.
    public static let defaultPath = "config/.env"

    /// Reads the file at `path`.
    public static func read(path: String) -> ValidationReport<[String: String]> {
        var issues: [ValidationIssue] = []
        guard let source = SourceFile.read(path, issues: &issues) else {
            return ValidationReport(value: [:], issues: issues)
        }
        return parse(source)
    }

    /// The variables `source` assigns, and a problem for every line that cannot be read.
    public static func parse(_ source: SourceText) -> ValidationReport<[String: String]> {
        var values: [String: String] = [:]
        var firstLine: [String: Int] = [:]
        var issues: [ValidationIssue] = []
        // "\r\n" is one Character in Swift, so CRLF files (edited on Windows) are split on it explicitly.
        let lines = source.text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (index, rawLine) in lines.enumerated() {
            let lineNumber = index + 1
            func report(_ message: String, column: Int = 1) {
                issues.append(ValidationIssue(file: source.file, line: lineNumber, column: column, message: message))
            }
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let indent = line.prefix(while: { $0 == " " || $0 == "\t" }).count
            let rest = line.dropFirst(indent)
            if rest.isEmpty || rest.hasPrefix("#") { continue }
            if rest.hasPrefix("export ") {
                report("remove `export `: systemd's EnvironmentFile= skips such lines", column: indent + 1)
                continue
            }
            guard let equals = rest.firstIndex(of: "=") else {
                report("expected KEY=VALUE", column: indent + 1)
                continue
            }
            let key = rest[..<equals].trimmingSpaces
            guard isValidName(key) else {
                report("invalid variable name: use letters, digits and '_', not starting with a digit",
                       column: indent + 1)
                continue
            }
            switch value(rest[rest.index(after: equals)...]) {
            case .success(let value):
                if let first = firstLine[String(key)] {
                    report("\(key) is set twice (first at line \(first))", column: indent + 1)
                } else {
                    firstLine[String(key)] = lineNumber
                    values[String(key)] = value
                }
            case .failure(let problem):
                report("\(problem.description) in the value of \(key)", column: indent + 1)
            }
        }
        return ValidationReport(value: values, issues: issues)
    }

    private static func isValidName(_ name: Substring) -> Bool {
        guard let first = name.first, !first.isNumber else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    /// Why a value could not be read; says nothing about the value itself.
    enum ValueProblem: Error, CustomStringConvertible {
        case unterminatedQuote
        case textAfterQuote
        case commentAfterValue

        var description: String {
            switch self {
            case .unterminatedQuote: "unterminated quote"
            case .textAfterQuote: "unexpected text after the closing quote"
            case .commentAfterValue:
                "a comment after a value (systemd keeps it in the value): put it on its own line, or quote the value"
            }
        }
    }

    private static func value(_ raw: Substring) -> Result<String, ValueProblem> {
        let text = raw.drop(while: { $0 == " " || $0 == "\t" })
        guard let quote = text.first, quote == "\"" || quote == "'" else {
            if text.contains(" #") || text.contains("\t#") { return .failure(.commentAfterValue) }
            return .success(String(text.trimmingSpaces))
        }
        var value = ""
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            let character = text[index]
            if character == quote {
                let after = text[text.index(after: index)...].trimmingSpaces
                return after.isEmpty ? .success(value) : .failure(.textAfterQuote)
            }
            if quote == "\"", character == "\\", text.index(after: index) < text.endIndex {
                index = text.index(after: index)
                // systemd's escapes in double quotes; any other backslash stays in the value.
                if !"\"\\$`".contains(text[index]) { value.append("\\") }
                value.append(text[index])
            } else {
                value.append(character)
            }
            index = text.index(after: index)
        }
        return .failure(.unterminatedQuote)
    }
}

extension Substring {
    /// This text without spaces and tabs at either end.
    var trimmingSpaces: Substring {
        drop(while: { $0 == " " || $0 == "\t" }).trimmingTrailingWhitespace
    }
}
