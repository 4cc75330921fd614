import Yams

extension NodeReader {
    /// A `media:` block (`types`, `min_size`, `max_size`, `mime`), in a job or the defaults.
    func media(_ node: Node, path: String) -> MediaRule? {
        let keys = ["types", "min_size", "max_size", "mime"]
        guard let fields = Fields(node, path: path, allowed: keys, reader: self) else { return nil }
        let before = issueCount
        var rule = MediaRule()
        if let typesNode = fields["types"] {
            rule.types = mediaTypes(typesNode, fields.path("types")) ?? []
        } else {
            report("'\(path)' is missing required key 'types'", at: node)
        }
        rule.minSize = fields["min_size"].flatMap { byteSize($0, fields.path("min_size")) }
        rule.maxSize = fields["max_size"].flatMap { byteSize($0, fields.path("max_size")) }
        if let low = rule.minSize, let high = rule.maxSize, low > high, let maxNode = fields["max_size"] {
            report("'\(fields.path("max_size"))' must not be smaller than '\(fields.path("min_size"))'", at: maxNode)
        }
        if let mimeNode = fields["mime"] {
            rule.mime = mimePatterns(mimeNode, fields.path("mime")) ?? []
        }
        return issueCount == before ? rule : nil
    }

    /// A byte count such as `20MB`.
    func byteSize(_ node: Node, _ path: String) -> Int64? {
        guard case .scalar(let scalar) = node, !node.isNull else {
            reportType(path, expected: "a size like '20MB'", got: node)
            return nil
        }
        guard let bytes = ByteSize.parse(scalar.string) else {
            report("'\(path)' must be a size like '20MB', '512KB' or '1.5GB', got '\(scalar.string)'", at: node)
            return nil
        }
        return bytes
    }

    /// `all`, one type, or a list of types.
    private func mediaTypes(_ node: Node, _ path: String) -> Set<MediaType>? {
        let items: [(Node, String)]
        switch node {
        case .scalar(let scalar): items = [(node, scalar.string)]
        case .sequence(let sequence):
            items = sequence.enumerated().compactMap { index, item in string(item, "\(path)[\(index)]").map { (item, $0) } }
        default:
            reportType(path, expected: "a list of media types", got: node)
            return nil
        }
        var types: Set<MediaType> = []
        let names = MediaType.allCases.map(\.rawValue)
        for (item, name) in items {
            if name.lowercased() == "all" {
                types.formUnion(MediaType.allCases)
            } else if let type = MediaType(rawValue: name.lowercased()) {
                types.insert(type)
            } else {
                let hint = Suggestion.closest(to: name, among: names + ["all"]).map { " (did you mean '\($0)'?)" }
                    ?? " (use \(names.joined(separator: ", ")) or all)"
                report("'\(path)' cannot contain '\(name)'\(hint)", at: item)
            }
        }
        return types
    }

    /// MIME patterns: `type/subtype`, where the subtype may be `*`.
    private func mimePatterns(_ node: Node, _ path: String) -> [String]? {
        let patterns: [String]?
        if case .scalar = node { patterns = string(node, path).map { [$0] } } else { patterns = strings(node, path) }
        guard let patterns else { return nil }
        var nodes: [Node] = []
        if case .sequence(let sequence) = node { nodes = Array(sequence) } else { nodes = [node] }
        for (index, pattern) in patterns.enumerated() {
            let parts = pattern.split(separator: "/", omittingEmptySubsequences: false)
            let valid = parts.count == 2 && parts.allSatisfy { !$0.isEmpty && !$0.contains(" ") } && parts[0] != "*"
            if !valid {
                report("'\(path)' must hold MIME types like 'image/*' or 'application/pdf', got '\(pattern)'",
                       at: index < nodes.count ? nodes[index] : node)
            }
        }
        return patterns.map { $0.lowercased() }
    }
}
