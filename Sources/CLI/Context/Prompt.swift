import Foundation

/// Reads answers from the user: from the terminal with a prompt, or the next line of standard input
/// when it is not a terminal (scripts piping a code in).
enum Prompt {
    /// The next line, after showing `text` on a terminal.
    static func line(_ text: String) throws(PromptError) -> String {
        if isatty(STDIN_FILENO) == 1 { FileHandle.standardError.write(Data(text.utf8)) }
        guard let line = readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces), !line.isEmpty else {
            throw .noInput(text.trimmingCharacters(in: CharacterSet(charactersIn: ": ")))
        }
        return line
    }

    /// A secret typed without echo on a terminal; refused when standard input is not a terminal (use the
    /// environment for scripts).
    static func secret(_ text: String) throws(PromptError) -> String {
        guard isatty(STDIN_FILENO) == 1 else { throw .secretNeedsTerminal }
        guard let pointer = getpass(text) else { throw .noInput(text) }
        let value = String(cString: pointer)
        guard !value.isEmpty else { throw .noInput(text.trimmingCharacters(in: CharacterSet(charactersIn: ": "))) }
        return value
    }
}

/// Why no answer could be read.
enum PromptError: Error, CustomStringConvertible {
    /// Standard input ended or the answer was empty.
    case noInput(String)
    /// A password was needed but there is no terminal to ask on.
    case secretNeedsTerminal

    var description: String {
        switch self {
        case .noInput(let what): "no \(what.lowercased()) given"
        case .secretNeedsTerminal: "the account has a 2FA password: set TELEGRAM_CLIENT_2FA_PASSWORD (no terminal to ask on)"
        }
    }
}
