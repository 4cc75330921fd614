/// The Markdown summary of a run, written to `bench/results/fuzz.md` and printed.
struct FuzzSummary {
    /// The options the run used.
    let options: FuzzOptions
    /// One entry per target run, in run order.
    let targets: [TargetStats]
    /// Seeds per target name.
    let seedCounts: [String: Int]

    /// The summary as Markdown.
    var markdown: String {
        let total = targets.reduce(0) { $0 + $1.inputs }
        let seconds = targets.reduce(0) { $0 + $1.seconds }
        var lines = [
            "# tgcron fuzz",
            "",
            "Seeded mutation loop (`TGCronFuzz --inputs \(options.inputs) --seed \(options.seed) --target \(options.targetName)`):"
                + " \(total) inputs in \(format(seconds)) s, **0 crashes** (a crash ends the process; the input is kept in"
                + " `\(options.lastInputPath)`).",
            "",
            "| target | seeds | inputs | accepted | rejected (typed error) | crashes | inputs/s | most frequent rejections |",
            "|---|---:|---:|---:|---:|---:|---:|---|",
        ]
        for stats in targets {
            let top = stats.topRejections(3).map { "\($0.kind) \($0.inputs)" }.joined(separator: ", ")
            lines.append("| \(stats.name) | \(seedCounts[stats.name] ?? 0) | \(stats.inputs) | \(stats.accepted) | \(stats.rejected)"
                + " | 0 | \(Int(stats.inputsPerSecond.rounded())) | \(top) |")
        }
        lines.append("")
        return lines.joined(separator: "\n")
    }

    private func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
