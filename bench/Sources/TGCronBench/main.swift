// TGCronBench: micro-benchmarks of tgcron's hot paths. Figures, not assertions: `make bench` records them.
import Foundation

let rows: [String]
do {
    rows = [try TLDecodeBenchmark.run(), try CipherBenchmark.run(), try SandboxHistoryBenchmark.run()]
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
