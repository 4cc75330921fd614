import Foundation

/// The program's time source: reading the time (audit durations, governor decisions, schedules) and waiting (flood waits,
/// backoff, admission delays). Tests inject a simulated clock so nothing really sleeps.
public protocol ProgramClock: Sendable {
    /// Seconds since 1970.
    func now() -> Double
    /// Waits `seconds`; throws `CancellationError` if the task is cancelled.
    func sleep(seconds: Double) async throws
}

/// The wall clock and `Task.sleep`.
public struct SystemProgramClock: ProgramClock {
    /// The system clock.
    public init() {}

    /// Seconds since 1970 from the wall clock.
    public func now() -> Double {
        Date().timeIntervalSince1970
    }

    /// Sleeps for real.
    public func sleep(seconds: Double) async throws {
        guard seconds > 0 else { return }
        try await Task.sleep(for: .milliseconds(Int64((seconds * 1000).rounded(.up))))
    }
}
