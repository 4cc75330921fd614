import Yams

/// Decodes one job file: its YAML, its `defaults:` and every entry of its `jobs:` list.
struct JobFileDecoder {
    /// A job's name and where its value is written, kept even for invalid jobs so that duplicate
    /// names are found across everything.
    struct NamedEntry {
        let name: String
        let location: SourceLocation
    }

    /// The valid jobs, in file order.
    private(set) var jobs: [Job] = []
    /// Every entry with a readable name, valid or not.
    private(set) var names: [NamedEntry] = []
    /// Every problem in the file.
    var issues: [ValidationIssue] { reader.issues }

    private let reader: NodeReader

    /// Decodes `source` completely.
    init(_ source: SourceText) {
        reader = NodeReader(file: source.file)
        guard let root = YAMLDocument.compose(source.text, reader: reader) else {
            if reader.issueCount == 0 {
                reader.report("file is empty: a job file needs a 'jobs:' list", line: 1, column: 1)
            }
            return
        }
        decode(root)
    }

    private mutating func decode(_ root: Node) {
        guard case .mapping = root else {
            reader.report("a job file must be a mapping with a 'jobs:' list (and optionally 'defaults:'), "
                          + "got \(root.kindDescription)", at: root)
            return
        }
        guard let fields = Fields(root, path: "", allowed: ["defaults", "jobs"], reader: reader) else { return }
        let decoder = JobDecoder(reader: reader)
        var defaults = Node.Mapping([])
        if let node = fields["defaults"] {
            if case .mapping(let mapping) = node {
                defaults = mapping
                decoder.checkDefaults(node)
            } else {
                reader.reportType("defaults", expected: "a mapping", got: node)
            }
        }
        guard let jobsNode = fields["jobs"] else {
            if let key = fields.keyNode("jobs") {
                reader.report("'jobs' is empty: list at least one job", at: key)
            } else if !fields.suggested.contains("jobs") {
                reader.report("missing required key 'jobs'", at: root)
            }
            return
        }
        guard case .sequence(let entries) = jobsNode else {
            reader.reportType("jobs", expected: "a list of jobs (each entry starting with '- ')", got: jobsNode)
            return
        }
        if entries.isEmpty {
            reader.report("'jobs' is empty: list at least one job", at: jobsNode)
        }
        for entry in entries {
            guard case .mapping(let mapping) = entry else {
                reader.report("each entry of 'jobs' must be a mapping with 'name', 'channel' and 'schedule', "
                              + "got \(entry.kindDescription)", at: entry)
                continue
            }
            if let nameNode = mapping["name"], let name = nameNode.scalar?.string, !nameNode.isNull {
                names.append(NamedEntry(name: name, location: reader.location(of: nameNode)))
            }
            if let job = decoder.job(.mapping(DefaultsMerge.merge(defaults, into: mapping))) {
                jobs.append(job)
            }
        }
    }
}
