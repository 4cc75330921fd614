import Foundation
import Timekeeping

/// A clock that only moves when the client sleeps: sleeping records the wait and advances `now` at once.
public final class SimulatedProgramClock: ProgramClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Double
    private var recorded: [Double] = []

    /// A clock reading `now` (unix seconds).
    public init(now: Double) {
        current = now
    }

    /// Every wait the client slept, in order.
    public var sleeps: [Double] { lock.withLock { recorded } }

    public func now() -> Double {
        lock.withLock { current }
    }

    /// Moves the clock forward without recording a sleep (time passing between runs).
    public func advance(by seconds: Double) {
        lock.withLock { current += max(seconds, 0) }
    }

    public func sleep(seconds: Double) async throws {
        try Task.checkCancellation()
        lock.withLock {
            recorded.append(seconds)
            current += max(seconds, 0)
        }
    }
}
