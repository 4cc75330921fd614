import Archive
import Foundation
import Harvester
import Jobs
import Logging
import Scheduler

/// Reports runs in the log (with job, channel and run ids as metadata) and, on a terminal, keeps a
/// progress line: messages archived, rate and, for backfills, an estimate of the time left.
actor LoggingHooks: SchedulerHooks {
    private let logger: Logger
    private var started: [Int64: Date] = [:]
    private var firstTail: [Int64: Int32] = [:]

    init(logger: Logger) {
        self.logger = logger
    }

    func runStarted(job: Job, runID: Int64) {
        started[runID] = Date()
        logger.info("run started", metadata: ["job": "\(job.name)", "channel": "\(job.channel)", "run": "\(runID)"])
    }

    func progressed(job: Job, runID: Int64, tally: HarvestTally, checkpoint: Checkpoint) {
        guard ProgressLine.shared.enabled else { return }  // nothing to draw: skip the formatting
        let elapsed = max(Date().timeIntervalSince(started[runID] ?? Date()), 0.001)
        let rate = Double(tally.new) / elapsed
        var text = "\(job.name): \(tally.new) new, \(Int(rate.rounded())) msg/s"
        if let tail = checkpoint.tail, !checkpoint.windowStartReached {
            let first = firstTail[runID] ?? tail
            firstTail[runID] = first
            let covered = Double(first - tail)
            if covered > 0, tail > 1 {
                let left = Double(tail - 1) / (covered / elapsed)
                text += ", down to id \(tail), ETA \(Self.clock(left))"
            }
        }
        ProgressLine.shared.show(text)
    }

    func runFinished(job: Job, outcome: JobOutcome) {
        ProgressLine.shared.clearIfShown()
        var metadata: Logger.Metadata = [
            "job": "\(job.name)", "run": "\(outcome.runID)", "new": "\(outcome.tally.new)",
            "updated": "\(outcome.tally.updated)", "deleted": "\(outcome.tally.deleted)",
            "requests": "\(outcome.tally.requests)", "flood_waits": "\(outcome.tally.floodWaits)",
        ]
        if let channel = outcome.channelID { metadata["channel"] = "\(channel)" }
        switch outcome.stop {
        case .failed, .accountRefused: logger.error("run \(outcome.stop)", metadata: metadata)
        case .deferred(.stopRequested), .completed, .limitReached: logger.info("run \(outcome.stop)", metadata: metadata)
        case .deferred: logger.warning("run \(outcome.stop)", metadata: metadata)
        }
    }

    private static func clock(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds < 360_000 else { return "--:--" }
        let total = Int(seconds.rounded())
        return String(format: "%d:%02d:%02d", total / 3600, total % 3600 / 60, total % 60)
    }
}
