import Foundation

/// The client's state: sessions, auth keys, the peer cache, the invite links this account used and the rate
/// governor's state of each account.
public protocol ClientStateStorage: AnyObject, Sendable {
    /// Saves (inserts or replaces) a session's account-level state.
    func saveSession(_ session: SessionRecord) throws(ArchiveError)
    /// The session named `name`.
    func session(named name: String) throws(ArchiveError) -> SessionRecord?
    /// Records that session `name` cannot work until a new login, and why.
    func markLoginNeeded(session name: String, reason: String, at now: Date) throws(ArchiveError)
    /// Forgets the need for a login, after one succeeded.
    func clearLoginNeeded(session name: String) throws(ArchiveError)
    /// Why session `name` needs a new login and since when, or nil if it does not.
    func loginNeeded(session name: String) throws(ArchiveError) -> (reason: String, since: Date)?
    /// Whether any session needs a new login.
    func anySessionNeedsLogin() throws(ArchiveError) -> Bool

    /// The auth key of session `name` on DC `dc`.
    func authKey(session name: String, dc: Int32) throws(ArchiveError) -> AuthKeyRecord?
    /// The auth keys of session `name`, by DC.
    func authKeys(session name: String) throws(ArchiveError) -> [AuthKeyRecord]
    /// Saves `key`, first creating its session with home DC `homeDc` if needed, in one transaction.
    func saveAuthKey(_ key: AuthKeyRecord, creatingSessionWithHomeDc homeDc: Int32) throws(ArchiveError)
    /// Retires the auth key of session `name` on DC `dc` (kept, and the session marked as needing a login).
    @discardableResult
    func retireAuthKey(session name: String, dc: Int32, at now: Date) throws(ArchiveError) -> Bool

    /// Caches a resolved username.
    func cachePeer(_ peer: PeerRecord) throws(ArchiveError)
    /// The cached resolution of `username` (case-insensitive, without `@`).
    func cachedPeer(username: String) throws(ArchiveError) -> PeerRecord?
    /// The most recently resolved cached peer with id `peerId`.
    func cachedPeer(id peerId: Int64) throws(ArchiveError) -> PeerRecord?
    /// Updates the access hash and title of every cached username of peer `peerId`.
    func updateCachedPeer(id peerId: Int64, accessHash: Int64, title: String, resolvedAt: Date) throws(ArchiveError)

    /// What is known of the invite link with `digest` (a digest of its hash), or nil if no run used it yet.
    func inviteLink(digest: String) throws(ArchiveError) -> InviteLinkRecord?
    /// Records where an invite link stands, replacing what was known.
    func saveInviteLink(_ record: InviteLinkRecord) throws(ArchiveError)

    /// `account`'s stored governor state, or nil if it was never saved.
    func governorState(account: String) throws(ArchiveError) -> GovernorStateRecord?
    /// Reads `account`'s governor state, lets `transform` compute the next one and saves it, in one
    /// transaction that no other process can interleave with. Throws what `transform` throws or an
    /// `ArchiveError`. Each account's state is its own.
    @discardableResult
    func updateGovernorState(account: String, now: Date, _ transform: (Data?) throws -> Data) throws -> GovernorStateRecord
}
