import Foundation

/// Runs the mutation loop over the targets, one target at a time, recording each input first.
struct FuzzRunner {
    /// The run's options.
    let options: FuzzOptions

    /// Fuzzes every planned target and returns the summary. Progress goes to standard error.
    func run() throws(FuzzError) -> FuzzSummary {
        let recorder = try InputRecorder(path: options.lastInputPath)
        var results: [TargetStats] = []
        var seedCounts: [String: Int] = [:]
        for (index, step) in TargetCatalog.plan(total: options.inputs, target: options.targetName).enumerated() {
            let target = try TargetCatalog.make(step.name)
            seedCounts[target.name] = target.seeds.count
            recorder.announceCrashes(target: target.name)
            var mutator = Mutator(seed: options.seed &+ UInt64(index) &* 0x9e37_79b9_7f4a_7c15)
            var stats = TargetStats(name: target.name)
            let started = Date()
            for _ in 0..<step.inputs {
                let input = mutator.next(seeds: target.seeds, dictionary: target.dictionary)
                recorder.record(input)
                stats.add(target.run(input))
            }
            // Valid seeds must pass unchanged, or the target is not reaching the code under test.
            for seed in target.seeds {
                recorder.record(seed)
                if case .accepted = target.run(seed) { continue }
                throw .fixture("a seed of target \(target.name) is rejected; fix its seeds")
            }
            stats.seconds = Date().timeIntervalSince(started)
            FileHandle.standardError.write(Data(
                "\(stats.name): \(stats.inputs) inputs, \(stats.accepted) accepted, 0 crashes, \(Int(stats.inputsPerSecond)) inputs/s\n".utf8))
            results.append(stats)
        }
        return FuzzSummary(options: options, targets: results, seedCounts: seedCounts)
    }

    /// Runs the input in `path` once through the selected target and describes the outcome.
    func replay(path: String) throws(FuzzError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw .io(path: path, errno: ENOENT) }
        let target = try TargetCatalog.make(options.targetName)
        switch target.run([UInt8](data)) {
        case .accepted: return "\(target.name): accepted \(data.count) bytes"
        case .rejected(let kind): return "\(target.name): rejected \(data.count) bytes (\(kind))"
        }
    }
}
