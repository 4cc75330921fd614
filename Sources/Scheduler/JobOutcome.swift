import Foundation
import Harvester

/// How one job's run ended.
public struct JobOutcome: Sendable, Equatable {
    /// The job's name.
    public var job: String
    /// The run's row in the archive.
    public var runID: Int64
    /// The channel, once resolved.
    public var channelID: Int64?
    /// Why it ended.
    public var stop: HarvestStop
    /// What it did.
    public var tally: HarvestTally

    /// The exit code this outcome alone would give.
    public var exitCode: ExitStatus {
        switch stop {
        case .completed, .limitReached: .success
        case .deferred(.stopRequested): .success
        case .deferred: .deferred
        case .failed: .failure
        case .accountRefused: .noPermission
        }
    }
}

/// Everything one scheduler pass did.
public struct RunReport: Sendable, Equatable {
    /// One outcome per job that ran, in the order they ended.
    public var outcomes: [JobOutcome]

    /// The process exit code: the most severe of the outcomes, success when nothing ran.
    public var exitCode: ExitStatus {
        outcomes.map(\.exitCode).max() ?? .success
    }
}
