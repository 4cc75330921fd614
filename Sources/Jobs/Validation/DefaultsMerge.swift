import Yams

/// Merges a file's `defaults:` into each job entry at the node level, so that problems in a
/// default still point at the line in `defaults:`.
enum DefaultsMerge {
    /// `entry` with every key of `defaults` it lacks, except `name` and `channel`. Where both hold a
    /// mapping, the two merge key by key, recursively; otherwise the entry's value wins, even a null
    /// one (`jitter: ~` clears a default).
    static func merge(_ defaults: Node.Mapping, into entry: Node.Mapping) -> Node.Mapping {
        merge(defaults, into: entry, skipping: JobDecoder.ownKeys)
    }

    private static func merge(_ defaults: Node.Mapping, into entry: Node.Mapping, skipping: [String]) -> Node.Mapping {
        var pairs: [(Node, Node)] = []
        for (key, value) in entry {
            if case .mapping(let own) = value, case .mapping(let inherited)? = defaults[key] {
                let merged = merge(inherited, into: own, skipping: [])
                pairs.append((key, .mapping(merged)))
            } else {
                pairs.append((key, value))
            }
        }
        for (key, value) in defaults {
            let name = key.scalar?.string ?? ""
            guard entry[key] == nil, !skipping.contains(name) else { continue }
            pairs.append((key, value))
        }
        return Node.Mapping(pairs, entry.tag, entry.style, entry.mark)
    }
}
