/// The command line: `TGCronFuzz [--inputs N] [--seed S] [--target NAME|all] [--results DIR] [--replay FILE]`.
struct FuzzOptions {
    /// Inputs to run in total, shared among the selected targets by weight.
    var inputs = 100_000
    /// The seed of the mutation loop: the same seed gives the same inputs.
    var seed: UInt64 = 1
    /// A target name, or `all`.
    var targetName = "all"
    /// Where `fuzz.md` and the last input go.
    var resultsDirectory = "bench/results"
    /// An input file to run once instead of fuzzing (to reproduce a crash).
    var replayPath: String?

    /// The file holding the input being run.
    var lastInputPath: String { resultsDirectory + "/fuzz-last-input.bin" }

    static let usage = """
        usage: TGCronFuzz [--inputs N] [--seed S] [--target NAME|all] [--results DIR] [--replay FILE]
          --inputs N     inputs in total, shared among the targets by weight (default 100000)
          --seed S       seed of the mutation loop (default 1)
          --target NAME  one of \(TargetCatalog.names.joined(separator: ", ")), or all (default)
          --results DIR  where fuzz.md and fuzz-last-input.bin are written (default bench/results)
          --replay FILE  run the input in FILE once through --target and print the outcome
        """

    /// Parses `arguments` (without the program name).
    init(arguments: [String]) throws(FuzzError) {
        var remaining = arguments[...]
        while let flag = remaining.popFirst() {
            if flag == "--help" || flag == "-h" { throw .usage(Self.usage) }
            guard let value = remaining.popFirst() else { throw .usage("\(flag) needs a value\n\(Self.usage)") }
            switch flag {
            case "--inputs":
                guard let count = Int(value), count > 0 else { throw .usage("--inputs must be a positive integer") }
                inputs = count
            case "--seed":
                guard let number = UInt64(value) else { throw .usage("--seed must be an unsigned integer") }
                seed = number
            case "--target":
                guard value == "all" || TargetCatalog.names.contains(value) else {
                    throw .usage("unknown target '\(value)'; known: \(TargetCatalog.names.joined(separator: ", ")), all")
                }
                targetName = value
            case "--results":
                resultsDirectory = value
            case "--replay":
                replayPath = value
            default:
                throw .usage("unknown option \(flag)\n\(Self.usage)")
            }
        }
        if replayPath != nil, targetName == "all" { throw .usage("--replay needs --target NAME") }
    }
}
