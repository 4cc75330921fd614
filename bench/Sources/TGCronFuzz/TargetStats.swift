/// What a run did to one target.
struct TargetStats {
    /// The target's name.
    let name: String
    /// Inputs run.
    var inputs = 0
    /// Inputs the entry point accepted.
    var accepted = 0
    /// Rejections by error kind.
    var rejections: [String: Int] = [:]
    /// Wall-clock seconds spent generating and running inputs.
    var seconds = 0.0

    /// Inputs the entry point rejected with a typed error.
    var rejected: Int { inputs - accepted }

    /// Inputs per second over the run.
    var inputsPerSecond: Double { seconds > 0 ? Double(inputs) / seconds : 0 }

    /// Counts one outcome.
    mutating func add(_ outcome: FuzzOutcome) {
        inputs += 1
        switch outcome {
        case .accepted: accepted += 1
        case .rejected(let kind): rejections[kind, default: 0] += 1
        }
    }

    /// The most frequent rejection kinds, most frequent first.
    func topRejections(_ count: Int) -> [(kind: String, inputs: Int)] {
        rejections.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(count).map { (kind: $0.key, inputs: $0.value) }
    }
}
