import Archive
import Foundation
import Harvester
import Jobs
import Logging
import Scheduler

/// Reports runs in the log (with job, channel and run ids as metadata) and their progress: messages
/// archived, rate and an estimate of the time left (to the window's start or the run's message limit). On a
/// terminal that is a line redrawn in place; otherwise (systemd, cron, a pipe) a `progress` log line every
/// `progressInterval`, so a long run is never silent.
actor LoggingHooks: SchedulerHooks {
    /// How often a run's progress is logged when standard error is not a terminal.
    static let progressInterval: TimeInterval = 30
    private let logger: Logger
    private var started: [Int64: Date] = [:]
    private var firstTail: [Int64: Int32] = [:]
    private var lastLogged: [Int64: Date] = [:]

    init(logger: Logger) {
        self.logger = logger
    }

    func runStarted(job: Job, runID: Int64) {
        started[runID] = Date()
        logger.info("run started", metadata: ["job": "\(job.name)", "channel": "\(job.channel)", "run": .stringConvertible(runID)])
    }

    func progressed(job: Job, runID: Int64, tally: HarvestTally, checkpoint: Checkpoint) {
        let now = Date()
        let terminal = ProgressLine.shared.enabled
        guard terminal || now.timeIntervalSince(lastLogged[runID] ?? started[runID] ?? now) >= Self.progressInterval else {
            return
        }
        let elapsed = max(now.timeIntervalSince(started[runID] ?? now), 0.001)
        let rate = Double(tally.new) / elapsed
        var left: [TimeInterval] = []
        if let limit = job.limits.messages, rate > 0 {
            left.append(Double(max(limit - tally.new, 0)) / rate)
        }
        var tailText = ""
        if let tail = checkpoint.tail, !checkpoint.windowStartReached {
            let first = firstTail[runID] ?? tail
            firstTail[runID] = first
            let covered = Double(first - tail)
            tailText = ", down to id \(tail)"
            if covered > 0, tail > 1 { left.append(Double(tail - 1) / (covered / elapsed)) }
        }
        let eta = left.min().map { ", ETA \(Self.duration($0))" } ?? ""
        let text = "\(job.name): \(tally.new) new, \(Int(rate.rounded())) msg/s\(tailText)\(eta)"
        if terminal {
            ProgressLine.shared.show(text)
        } else {
            lastLogged[runID] = now
            logger.info("progress: \(text)", metadata: [
                "job": "\(job.name)", "channel": "\(job.channel)", "run": .stringConvertible(runID),
                "new": .stringConvertible(tally.new),
            ])
        }
    }

    func runFinished(job: Job, outcome: JobOutcome) {
        ProgressLine.shared.clearIfShown()
        var metadata: Logger.Metadata = [
            "job": "\(job.name)", "run": .stringConvertible(outcome.runID), "new": .stringConvertible(outcome.tally.new),
            "updated": .stringConvertible(outcome.tally.updated), "deleted": .stringConvertible(outcome.tally.deleted),
            "requests": .stringConvertible(outcome.tally.requests), "flood_waits": .stringConvertible(outcome.tally.floodWaits),
        ]
        metadata["channel"] = "\(job.channel)"
        if let channel = outcome.channelID { metadata["channel_id"] = .stringConvertible(channel) }
        lastLogged[outcome.runID] = nil
        switch outcome.stop {
        case .failed, .accountRefused: logger.error("run \(outcome.stop)", metadata: metadata)
        case .deferred(.stopRequested), .completed, .limitReached: logger.info("run \(outcome.stop)", metadata: metadata)
        case .deferred(.governor):
            metadata["hint"] = "the next run continues from here; `--wait` waits for the tokens instead"
            logger.warning("run \(outcome.stop)", metadata: metadata)
        case .deferred: logger.warning("run \(outcome.stop)", metadata: metadata)
        }
    }

    /// Logs a watch poll that archived something.
    func watched(job: Job, tally: WatchTally) {
        guard tally.changedArchive else { return }
        logger.info("watch: updates archived", metadata: [
            "job": "\(job.name)", "new": "\(tally.new)", "updated": "\(tally.updated)", "deleted": "\(tally.deleted)",
        ])
    }

    /// Logs a watch poll that failed; the next round retries it.
    func watchFailed(job: Job, error: any Error) {
        logger.warning("watch: \(error)", metadata: ["job": "\(job.name)"])
    }

    /// Nothing to log: each poll was.
    func watchRoundEnded(archivedChanges: Bool) {}

    /// `seconds` as a duration to read, not a clock time: `45s`, `12m05s`, `6h08m`.
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds < 360_000 else { return "unknown" }
        let total = Int(seconds.rounded())
        if total < 60 { return "\(total)s" }
        if total < 3600 { return String(format: "%dm%02ds", total / 60, total % 60) }
        return String(format: "%dh%02dm", total / 3600, total % 3600 / 60)
    }
}
