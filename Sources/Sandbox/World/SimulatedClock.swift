import Foundation

/// Simulated time for a running sandbox: starts at `origin` when the server starts and runs `speed`
/// times faster than the wall clock, so hours of channel activity fit in a test run.
public struct SimulatedClock: Sendable, Equatable {
    /// The simulated moment at `started`.
    public var origin: Date
    /// The wall-clock moment the simulation started.
    public var started: Date
    /// Simulated seconds per wall-clock second.
    public var speed: Double

    /// A clock showing `origin` at wall time `started`, running at `speed`.
    public init(origin: Date, started: Date, speed: Double = 1) {
        self.origin = origin
        self.started = started
        self.speed = speed
    }

    /// The simulated moment at wall time `wall`.
    public func now(atWallTime wall: Date) -> Date {
        origin.addingTimeInterval(wall.timeIntervalSince(started) * speed)
    }
}
