import Foundation
import GRDB

extension ArchiveStore {
    /// The governor's stored state of `account`, or nil if it was never saved.
    public func governorState(account: String) throws(ArchiveError) -> GovernorStateRecord? {
        try read { db in try GovernorStateRecord.fetchOne(db, key: account) }
    }

    /// Reads `account`'s governor state, lets `transform` compute the next one and saves it, in one IMMEDIATE
    /// transaction: no other process can change the state in between. The version grows by one when the state
    /// changed. Throws what `transform` throws (nothing is saved then) or an `ArchiveError`.
    @discardableResult
    public func updateGovernorState(account: String, now: Date, _ transform: (Data?) throws -> Data) throws -> GovernorStateRecord {
        do {
            return try pool.write { db in
                let stored = try GovernorStateRecord.fetchOne(db, key: account)
                let next = try transform(stored?.state)
                if let stored, stored.state == next { return stored }
                let record = GovernorStateRecord(account: account, version: (stored?.version ?? 0) + 1, state: next, updatedAt: now)
                try record.upsert(db)
                return record
            }
        } catch let error as DatabaseError {
            throw ArchiveError.classify(error, path: path)
        }
    }
}
