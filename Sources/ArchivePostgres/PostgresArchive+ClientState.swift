import Archive
import Foundation
import PostgresNIO

/// Sessions, auth keys, the peer cache and the governor's state on PostgreSQL.
extension PostgresArchive: ClientStateStorage {
    public func saveSession(_ s: SessionRecord) throws(ArchiveError) {
        try transaction { session in
            try session.execute("""
                INSERT INTO sessions (name, home_dc, user_id, dc_options, takeout_id, updated_at)
                VALUES (\(s.name), \(s.homeDc), \(s.userId), \(s.dcOptions), \(s.takeoutId), \(s.updatedAt))
                ON CONFLICT (name) DO UPDATE SET home_dc = excluded.home_dc, user_id = excluded.user_id,
                    dc_options = excluded.dc_options, takeout_id = excluded.takeout_id, updated_at = excluded.updated_at
                """)
        }
    }

    public func session(named name: String) throws(ArchiveError) -> SessionRecord? {
        try transaction { session in
            try session.record("""
                SELECT (to_jsonb(s) - 'login_needed' - 'login_needed_at')::text FROM sessions s WHERE name = \(name)
                """, as: SessionRecord.self)
        }
    }

    public func markLoginNeeded(session name: String, reason: String, at now: Date) throws(ArchiveError) {
        try transaction { session in try Self.setLoginNeeded(session, name: name, reason: reason, at: now) }
    }

    public func clearLoginNeeded(session name: String) throws(ArchiveError) {
        try transaction { session in
            try session.execute("UPDATE sessions SET login_needed = NULL, login_needed_at = NULL WHERE name = \(name)")
        }
    }

    public func loginNeeded(session name: String) throws(ArchiveError) -> (reason: String, since: Date)? {
        try transaction { session in
            let rows = try session.query("SELECT login_needed, login_needed_at FROM sessions WHERE name = \(name)")
            guard let row = rows.first(where: { _ in true }) else { return nil }
            let (reason, since) = try row.decode((String?, Date?).self)
            guard let reason, let since else { return nil }
            return (reason, since)
        }
    }

    public func anySessionNeedsLogin() throws(ArchiveError) -> Bool {
        try transaction { session in
            try session.scalar("SELECT EXISTS (SELECT 1 FROM sessions WHERE login_needed IS NOT NULL)", as: Bool.self) ?? false
        }
    }

    public func authKey(session name: String, dc: Int32) throws(ArchiveError) -> AuthKeyRecord? {
        try transaction { session in
            try session.record("SELECT to_jsonb(k)::text FROM auth_keys k WHERE session = \(name) AND dc_id = \(dc)",
                               as: AuthKeyRecord.self)
        }
    }

    public func authKeys(session name: String) throws(ArchiveError) -> [AuthKeyRecord] {
        try transaction { session in
            try session.records("SELECT to_jsonb(k)::text FROM auth_keys k WHERE session = \(name) ORDER BY dc_id",
                                as: AuthKeyRecord.self)
        }
    }

    public func saveAuthKey(_ key: AuthKeyRecord, creatingSessionWithHomeDc homeDc: Int32) throws(ArchiveError) {
        try transaction { session in
            try session.execute("""
                INSERT INTO sessions (name, home_dc, updated_at) VALUES (\(key.session), \(homeDc), \(key.updatedAt))
                ON CONFLICT (name) DO NOTHING
                """)
            try session.execute("""
                INSERT INTO auth_keys (session, dc_id, auth_key, salts, updated_at)
                VALUES (\(key.session), \(key.dcId), \(key.authKey), \(key.salts), \(key.updatedAt))
                ON CONFLICT (session, dc_id) DO UPDATE SET auth_key = excluded.auth_key, salts = excluded.salts,
                    updated_at = excluded.updated_at
                """)
        }
    }

    @discardableResult
    public func retireAuthKey(session name: String, dc: Int32, at now: Date) throws(ArchiveError) -> Bool {
        try transaction { session in
            let retired = try session.execute("""
                WITH gone AS (DELETE FROM auth_keys WHERE session = \(name) AND dc_id = \(dc) RETURNING session, dc_id, auth_key, salts)
                INSERT INTO retired_auth_keys (session, dc_id, auth_key, salts, retired_at)
                SELECT session, dc_id, auth_key, salts, \(now) FROM gone
                """)
            guard retired > 0 else { return false }
            try Self.setLoginNeeded(session, name: name, reason: """
                the server rejected the auth key of DC \(dc) (-404) on repeated connections; it was retired and \
                kept in the archive's retired_auth_keys table
                """, at: now)
            return true
        }
    }

    public func cachePeer(_ peer: PeerRecord) throws(ArchiveError) {
        try transaction { session in
            try session.execute("""
                INSERT INTO peers (username, peer_id, access_hash, title, resolved_at)
                VALUES (\(peer.username), \(peer.peerId), \(peer.accessHash), \(peer.title), \(peer.resolvedAt))
                ON CONFLICT (lower(username)) DO UPDATE SET username = excluded.username, peer_id = excluded.peer_id,
                    access_hash = excluded.access_hash, title = excluded.title, resolved_at = excluded.resolved_at
                """)
        }
    }

    public func cachedPeer(username: String) throws(ArchiveError) -> PeerRecord? {
        try transaction { session in
            try session.record("SELECT to_jsonb(p)::text FROM peers p WHERE lower(username) = lower(\(username))",
                               as: PeerRecord.self)
        }
    }

    public func cachedPeer(id peerId: Int64) throws(ArchiveError) -> PeerRecord? {
        try transaction { session in
            try session.record("""
                SELECT to_jsonb(p)::text FROM peers p WHERE peer_id = \(peerId) ORDER BY resolved_at DESC LIMIT 1
                """, as: PeerRecord.self)
        }
    }

    public func updateCachedPeer(id peerId: Int64, accessHash: Int64, title: String, resolvedAt: Date) throws(ArchiveError) {
        try transaction { session in
            try session.execute("""
                UPDATE peers SET access_hash = \(accessHash), title = \(title), resolved_at = \(resolvedAt)
                WHERE peer_id = \(peerId)
                """)
        }
    }

    public func governorState(account: String) throws(ArchiveError) -> GovernorStateRecord? {
        try transaction { session in
            try session.record("SELECT to_jsonb(g)::text FROM governor_state g WHERE account = \(account)",
                               as: GovernorStateRecord.self)
        }
    }

    /// A key for `pg_advisory_xact_lock` held while the governor's state is read and rewritten ("govern").
    private static let governorLock: Int64 = 0x676f_7665_726e

    @discardableResult
    public func updateGovernorState(account: String, now: Date, _ transform: (Data?) throws -> Data) throws -> GovernorStateRecord {
        // What `transform` threw: rethrown as it is, once its transaction is rolled back.
        var refusal: (any Error)?
        struct Refused: Error {}
        do {
            return try governorTransaction(account: account, now: now) { stored in
                do {
                    return try transform(stored)
                } catch {
                    refusal = error
                    throw Refused()
                }
            }
        } catch {
            if let refusal { throw refusal }
            throw error
        }
    }

    private func governorTransaction(account: String, now: Date, _ transform: (Data?) throws -> Data) throws(ArchiveError) -> GovernorStateRecord {
        try transaction { session in
            // One lock per account: accounts (on other runners) never wait for each other's governor.
            try session.execute("SELECT pg_advisory_xact_lock(\(Self.governorLock) # hashtext(\(account))::bigint)")
            let stored = try session.record("SELECT to_jsonb(g)::text FROM governor_state g WHERE account = \(account)",
                                            as: GovernorStateRecord.self)
            let next = try transform(stored?.state)
            if let stored, stored.state == next { return stored }
            let version = (stored?.version ?? 0) + 1
            try session.execute("""
                INSERT INTO governor_state (account, version, state, updated_at) VALUES (\(account), \(version), \(next), \(now))
                ON CONFLICT (account) DO UPDATE SET version = excluded.version, state = excluded.state,
                    updated_at = excluded.updated_at
                """)
            guard let saved = try session.record("SELECT to_jsonb(g)::text FROM governor_state g WHERE account = \(account)",
                                                 as: GovernorStateRecord.self) else {
                throw ArchiveError.database(path: location.description, reason: "the governor's state was not saved")
            }
            return saved
        }
    }

    private static func setLoginNeeded(_ session: Session, name: String, reason: String, at now: Date) throws {
        try session.execute("UPDATE sessions SET login_needed = \(reason), login_needed_at = \(now) WHERE name = \(name)")
    }
}
