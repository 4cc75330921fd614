import Yams

extension NodeReader {
    /// The settings' `accounts:` list: each entry a mapping with `name` (or the bare name), names unique.
    func accounts(_ node: Node) -> [AccountSettings]? {
        guard case .sequence(let sequence) = node else {
            reportType("accounts", expected: "a list of accounts (each '- name: NAME')", got: node)
            return nil
        }
        var accounts: [AccountSettings] = []
        var seen: [String: SourceLocation] = [:]
        for (index, entry) in sequence.enumerated() {
            let path = "accounts[\(index)]"
            var nameNode = entry
            if case .mapping = entry {
                guard let fields = Fields(entry, path: path, allowed: ["name"], reader: self) else { continue }
                guard let named = fields["name"] else {
                    // A misspelt `name` was reported already, with the suggestion.
                    if !fields.suggested.contains("name") { report("'\(path)' is missing required key 'name'", at: entry) }
                    continue
                }
                nameNode = named
            }
            guard let name = string(nameNode, "\(path).name") else { continue }
            if let problem = AccountSettings.problem(withName: name) {
                report("'\(path).name' \(problem), got \"\(name)\"", at: nameNode)
                continue
            }
            if let first = seen[name] {
                report("duplicate account name '\(name)' (first declared at line \(first.line))", at: nameNode)
                continue
            }
            let location = location(of: nameNode)
            seen[name] = location
            accounts.append(AccountSettings(name: name, location: location))
        }
        return accounts
    }
}
