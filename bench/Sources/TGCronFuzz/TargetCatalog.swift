/// The fuzz targets, their share of `--inputs` under `--target all`, and how to build each.
enum TargetCatalog {
    /// Target names with their weights. The key exchange gets a small share: every input that gets
    /// past parsing costs an RSA or Diffie-Hellman operation.
    static let weighted: [(name: String, weight: Int)] = [
        ("tl", 40), ("transport", 25), ("session", 20), ("handshake", 2), ("jobs", 13),
    ]

    /// Every target name.
    static var names: [String] { weighted.map(\.name) }

    /// Builds the target called `name`.
    static func make(_ name: String) throws(FuzzError) -> any FuzzTarget {
        switch name {
        case "tl": return TLTarget()
        case "transport": return try TransportTarget()
        case "session": return try SessionTarget()
        case "handshake": return try HandshakeTarget()
        case "jobs": return JobsTarget()
        default: throw .usage("unknown target '\(name)'")
        }
    }

    /// How many of `total` inputs each selected target gets; the last takes the rounding remainder.
    static func plan(total: Int, target: String) -> [(name: String, inputs: Int)] {
        let selected = target == "all" ? weighted : weighted.filter { $0.name == target }
        let weights = selected.reduce(0) { $0 + $1.weight }
        var plan = selected.map { (name: $0.name, inputs: total * $0.weight / weights) }
        plan[plan.count - 1].inputs += total - plan.reduce(0) { $0 + $1.inputs }
        return plan
    }
}
