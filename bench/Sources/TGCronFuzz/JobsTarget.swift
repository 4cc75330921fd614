import Jobs

/// The job file and settings parsers on arbitrary text: every input must come back as a report
/// (a value and its issues), never a crash.
///
/// Input: a mode byte (even: a job file into `JobFiles.parse`, odd: `config/settings.yaml` into
/// `SettingsFile.parse`), then the file's bytes, decoded as UTF-8 with invalid sequences replaced.
struct JobsTarget: FuzzTarget {
    let name = "jobs"
    let seeds: [[UInt8]] = (JobsSeeds.jobFiles.map { [0] + Array($0.utf8) })
        + (JobsSeeds.settingsFiles.map { [1] + Array($0.utf8) })
    let dictionary: [[UInt8]] = [
        ":", ": ", "\n", "\n  ", "\n    - ", "- ", "#", "\"", "'", "[", "]", "{", "}", ",", "&a ", "*a", "|", ">",
        "\t", "!!str ", "---\n", "...\n", "~", "null", "0x", "-1", "99999999999999999999", "1e400", "@", "24:00",
        "*/0", "60-0", "1d", "0s", "🙂", "\u{0}", "\r\n",
    ].map { Array($0.utf8) }

    func run(_ input: [UInt8]) -> FuzzOutcome {
        guard let mode = input.first else { return .rejected(kind: "empty") }
        let text = String(decoding: input.dropFirst(), as: UTF8.self)
        let issues: [ValidationIssue]
        if mode % 2 == 0 {
            issues = JobFiles.parse([SourceText(file: "jobs/fuzz.yaml", text: text)]).issues
        } else {
            issues = SettingsFile.parse(SourceText(file: "config/settings.yaml", text: text)).issues
        }
        guard let first = issues.first else { return .accepted }
        return .rejected(kind: Self.kind(of: first.message))
    }

    /// The message with quoted parts and numbers removed, so similar issues count together.
    private static func kind(of message: String) -> String {
        var kind = ""
        var quoted = false
        for character in message {
            if character == "'" || character == "\"" {
                quoted.toggle()
                if quoted { kind.append("…") }
            } else if !quoted, !character.isNumber {
                kind.append(character)
            }
        }
        return String(kind.prefix(48))
    }
}
