// TGCronBench: micro-benchmarks of tgcron's hot paths. Figures, not assertions: `make bench` records them.
// `TGCronBench <name>…` runs only the named ones (tl, cipher, archive, sandbox), e.g. under perf.
// `TGCronBench download …` is the client side of bench.py's download benchmark (DownloadCommand).
import Foundation

if CommandLine.arguments.dropFirst().first == "download" {
    do {
        try await DownloadCommand.run(Array(CommandLine.arguments.dropFirst(2)))
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("TGCronBench download: \(error)\n".utf8))
        exit(1)
    }
}

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
