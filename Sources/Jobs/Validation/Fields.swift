import Yams

/// The entries of one YAML mapping, checked against the keys its block allows.
///
/// Unknown keys are reported with the closest allowed key as a suggestion; null values count as
/// absent, so `jitter: ~` in a job clears a default.
struct Fields {
    /// The mapping node, where "missing key" problems point.
    let node: Node
    /// The dotted path of the block (`""` for a job's top level, `"limits"`, `"telegram_client"`).
    let path: String
    /// Allowed keys suggested for unknown ones: a "missing" report for them would only repeat the typo.
    private(set) var suggested: Set<String> = []
    private var entries: [String: (key: Node, value: Node)] = [:]

    /// The mapping's entries, or nil (reported) if `node` is not a mapping.
    init?(_ node: Node, path: String, allowed: [String], reader: NodeReader) {
        guard case .mapping(let mapping) = node else {
            reader.reportType(path, expected: "a mapping", got: node)
            return nil
        }
        self.node = node
        self.path = path
        let block = path.isEmpty ? "" : " in '\(path)'"
        for (key, value) in mapping {
            let name = key.scalar?.string ?? key.kindDescription
            if key.hasTag(.merge) {
                reader.report("YAML merge keys ('<<') are not supported; put shared values under 'defaults:'", at: key)
            } else if allowed.contains(name) {
                entries[name] = (key, value)
            } else if let suggestion = Suggestion.closest(to: name, among: allowed) {
                suggested.insert(suggestion)
                reader.report("unknown key '\(name)'\(block) (did you mean '\(suggestion)'?)", at: key)
            } else {
                reader.report("unknown key '\(name)'\(block)", at: key)
            }
        }
    }

    /// The value under `key`, or nil if absent or null.
    subscript(key: String) -> Node? {
        guard let value = entries[key]?.value, !value.isNull else { return nil }
        return value
    }

    /// The key node of `key`, present even when its value is null.
    func keyNode(_ key: String) -> Node? {
        entries[key]?.key
    }

    /// `path.key`, or `key` at the top level.
    func path(_ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }
}
