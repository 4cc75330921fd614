import Client
import Foundation

/// A clock that only moves when the client sleeps: sleeping records the wait and advances `now` at once.
final class SimulatedClientClock: ClientClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Double
    private var recorded: [Double] = []

    init(now: Double) {
        current = now
    }

    /// Every wait the client slept, in order.
    var sleeps: [Double] { lock.withLock { recorded } }

    func now() -> Double {
        lock.withLock { current }
    }

    func sleep(seconds: Double) async throws {
        try Task.checkCancellation()
        lock.withLock {
            recorded.append(seconds)
            current += max(seconds, 0)
        }
    }
}
