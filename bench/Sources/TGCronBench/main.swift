// TGCronBench: micro-benchmarks of tgcron's hot paths. Figures, not assertions: `make bench` records them.
// `TGCronBench <name>…` runs only the named ones (tl, cipher, archive, sandbox), e.g. under perf.
import Foundation

let benchmarks: [(name: String, run: () throws -> String)] = [
    ("tl", TLDecodeBenchmark.run), ("cipher", CipherBenchmark.run), ("archive", ArchiveCommitBenchmark.run),
    ("sandbox", SandboxHistoryBenchmark.run),
]
let selected = Set(CommandLine.arguments.dropFirst())
var rows: [String] = []
do {
    for benchmark in benchmarks where selected.isEmpty || selected.contains(benchmark.name) {
        rows.append(try benchmark.run())
    }
} catch {
    FileHandle.standardError.write(Data("TGCronBench: \(error)\n".utf8))
    exit(1)
}
let cores = ProcessInfo.processInfo.activeProcessorCount
let memory = ProcessInfo.processInfo.physicalMemory / 1_073_741_824
print("""
    # tgcron micro-benchmarks

    Machine: \(cores) cores, \(memory) GiB, release build, median of 7 runs.

    | benchmark | result |
    |---|---|
    \(rows.joined(separator: "\n"))
    """)
