/// What one input did to a target: accepted (decoded, parsed) or rejected with a typed error.
enum FuzzOutcome: Sendable {
    /// The entry point accepted the input.
    case accepted
    /// The entry point rejected the input; `kind` names the error case, for the summary.
    case rejected(kind: String)
}

/// One fuzzed entry point: valid inputs to start from, tokens worth inserting, and a way to run one
/// input. Inputs are plain bytes so that any input, saved to a file, replays exactly.
protocol FuzzTarget {
    /// The name used by `--target` and in the summary.
    var name: String { get }
    /// Valid inputs built in code; every fuzzed input is a mutation of one (or two spliced).
    var seeds: [[UInt8]] { get }
    /// Byte strings the mutator inserts or writes over (constructor ids, syntax characters).
    var dictionary: [[UInt8]] { get }
    /// Runs one input through the entry point. Must return for every input; a trap is a bug found.
    func run(_ input: [UInt8]) -> FuzzOutcome
}

extension FuzzOutcome {
    /// A rejection named after the case of `error` (its first associated-value label or its text).
    static func rejecting(_ error: any Error) -> FuzzOutcome {
        if let label = Mirror(reflecting: error).children.first?.label {
            return .rejected(kind: label)
        }
        return .rejected(kind: String(String(describing: error).prefix(40)))
    }
}
