/// Where the governor's state lives: one truth shared by every job and every tgcron process on the account.
///
/// Implementations: `InMemoryGovernorStateStore` (one process) and the archive's SQLite database
/// (`Governance.ArchiveGovernorStateStore`, shared by every process on the archive).
public protocol GovernorStateStore: Sendable {
    /// Runs `body` on the current state as one transaction and saves what it leaves.
    ///
    /// No other update, in this process or another, may run between the read and the save. `body` is
    /// short and does no I/O. A store that has never been written reads as `GovernorState()`.
    func update<Result>(_ body: (inout GovernorState) -> Result) throws(GovernorStoreError) -> Result
}
