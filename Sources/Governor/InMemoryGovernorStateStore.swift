import Foundation

/// A store for one process: the state in memory behind a lock. Nothing survives the process.
///
/// `@unchecked Sendable`: `state` is only touched while `lock` is held.
public final class InMemoryGovernorStateStore: GovernorStateStore, @unchecked Sendable {
    private let lock = NSLock()
    private var state: GovernorState

    /// A store starting from `state`.
    public init(state: GovernorState = GovernorState()) {
        self.state = state
    }

    /// Runs `body` on the state while holding the lock.
    public func update<Result>(_ body: (inout GovernorState) -> Result) -> Result {
        lock.withLock { body(&state) }
    }
}
