import Foundation

/// Runs `body` several times and returns the median duration in seconds.
func medianSeconds(runs: Int = 7, _ body: () throws -> Void) rethrows -> Double {
    var samples: [Double] = []
    let clock = ContinuousClock()
    for _ in 0..<runs {
        let elapsed = try clock.measure(body)
        samples.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    return samples.sorted()[samples.count / 2]
}

/// Runs `body` several times and returns the median CPU time of this process (user + system) in seconds,
/// for work whose wall time includes waiting on the disk.
func medianCPUSeconds(runs: Int = 7, _ body: () throws -> Void) rethrows -> Double {
    var samples: [Double] = []
    for _ in 0..<runs {
        let start = processCPUSeconds()
        try body()
        samples.append(processCPUSeconds() - start)
    }
    return samples.sorted()[samples.count / 2]
}

private func processCPUSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

/// A number with thousands separators, for reports.
func grouped(_ value: Double) -> String {
    let digits = String(Int(value.rounded()))
    var out = ""
    for (index, char) in digits.reversed().enumerated() {
        if index > 0, index % 3 == 0 { out.append(",") }
        out.append(char)
    }
    return String(out.reversed())
}
