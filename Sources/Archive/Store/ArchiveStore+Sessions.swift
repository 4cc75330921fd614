import Foundation
import GRDB

/// Sessions: each account's home DC, user and takeout, and whether it needs a new login.
extension ArchiveStore {
    /// Saves (inserts or replaces) a session's account-level state.
    public func saveSession(_ session: SessionRecord) throws(ArchiveError) {
        try write { db in try session.upsert(db) }
    }

    /// The session named `name`.
    public func session(named name: String) throws(ArchiveError) -> SessionRecord? {
        try read { db in try SessionRecord.fetchOne(db, key: name) }
    }

    /// Forgets session `name` and its auth keys (log out); returns whether it existed.
    @discardableResult
    func deleteSession(named name: String) throws(ArchiveError) -> Bool {
        try write { db in try SessionRecord.deleteOne(db, key: name) }
    }

    /// Records that session `name` cannot work until a new login, and why (shown by `status`; runs refuse
    /// to start until `clearLoginNeeded`).
    public func markLoginNeeded(session name: String, reason: String, at now: Date) throws(ArchiveError) {
        try write { db in try Self.setLoginNeeded(db, session: name, at: now, reason: reason) }
    }

    /// Forgets the need for a login, after one succeeded.
    public func clearLoginNeeded(session name: String) throws(ArchiveError) {
        try write { db in
            try db.execute(sql: "UPDATE sessions SET login_needed = NULL, login_needed_at = NULL WHERE name = ?",
                           arguments: [name])
        }
    }

    /// Why session `name` needs a new login and since when, or nil if it does not.
    public func loginNeeded(session name: String) throws(ArchiveError) -> (reason: String, since: Date)? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT login_needed, login_needed_at FROM sessions WHERE name = ?",
                                             arguments: [name]),
                  let reason: String = row[0], let since: Date = row[1] else { return nil }
            return (reason, since)
        }
    }

    /// Whether any session of the archive needs a new login.
    public func anySessionNeedsLogin() throws(ArchiveError) -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sessions WHERE login_needed IS NOT NULL)") ?? false }
    }

    /// Sets the login-needed mark of session `name` inside the caller's transaction.
    static func setLoginNeeded(_ db: Database, session name: String, at now: Date, reason: String) throws {
        try db.execute(sql: "UPDATE sessions SET login_needed = ?, login_needed_at = ? WHERE name = ?",
                       arguments: [reason, now, name])
    }
}
