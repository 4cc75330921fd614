import Archive
import Client
import Foundation
import Logging
import MTProtoCrypto
import Timekeeping

/// How a run reaches a private chat named by invite link (https://core.telegram.org/api/invites), so that
/// the account joins it once, ever:
///
/// - a link the archive remembers as joined is read by the chat id it led to, without a call;
/// - otherwise `messages.checkChatInvite` says what it leads to: a chat the account is already in (remembered),
///   one it may read for a while without joining (read, not remembered: the preview ends), or one to join;
/// - joining waits a human-like pause, then sends `messages.importChatInvite` once (the governor's `join`
///   class admits it, a few a day); a join that needs an admin's approval is remembered as requested, and
///   later runs only check whether it was approved, never ask again.
///
/// Refusals end the run (`InviteRefusal`): expired or invalid links and `CHANNELS_TOO_MUCH` fail it, a
/// pending request defers it to the next scheduled run.
struct InviteAccess {
    /// The link's hash (a secret: it is never logged or stored).
    let hash: String
    let links: InviteLinks
    let store: ArchiveStore
    let clock: any ProgramClock
    /// The pause before joining, drawn uniformly from this range (seconds).
    let joinDelay: ClosedRange<TimeInterval>
    let job: String

    /// What the archive keys the link by: a SHA-256 of its hash, so the archive never holds the secret.
    static func digest(_ hash: String) -> String {
        "sha256:" + Hash.sha256(Array(hash.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The chat the link with `hash` led to when a run joined it (or found it joined), without a call.
    static func remembered(_ hash: String, in store: ArchiveStore) throws -> ResolvedPeer? {
        guard let known = try store.inviteLink(digest: digest(hash)) else { return nil }
        return joinedPeer(known)
    }

    private static func joinedPeer(_ known: InviteLinkRecord) -> ResolvedPeer? {
        guard known.state == .joined, let id = known.channelId, let accessHash = known.accessHash else { return nil }
        return ResolvedPeer(id: id, accessHash: accessHash, title: known.title ?? "", username: nil)
    }

    /// The chat the link leads to, joined if need be.
    func peer() async throws -> ResolvedPeer {
        let digest = Self.digest(hash)
        let known = try store.inviteLink(digest: digest)
        if let remembered = known.flatMap(Self.joinedPeer) { return remembered }
        switch try await links.check(hash) {
        case .member(let peer):
            try remember(.joined, peer: peer, digest: digest, known: known)
            return peer
        case .preview(let peer, let until):
            log.notice("invite link leads to \(peer.title) (\(peer.id)), readable without joining until \(until); not joining",
                       metadata: ["job": "\(job)"])
            return peer
        case .joinable(let title, let requestNeeded):
            // A request already sent is not sent again; the next scheduled run checks once more.
            if known?.state == .requested, requestNeeded { throw InviteRefusal.requestSent }
            return try await join(title: title, requestNeeded: requestNeeded, digest: digest)
        }
    }

    /// Waits like a person reading the invite, then joins once.
    private func join(title: String, requestNeeded: Bool, digest: String) async throws -> ResolvedPeer {
        let pause = TimeInterval.random(in: joinDelay)
        log.notice("joining \"\(title)\" by invite link in \(String(format: "%.1f", pause)) s\(requestNeeded ? " (a join request: an admin approves it)" : "")",
                   metadata: ["job": "\(job)"])
        try await clock.sleep(seconds: pause)
        let peer: ResolvedPeer
        do {
            peer = try await links.join(hash)
        } catch InviteRefusal.requestSent {
            try store.saveInviteLink(InviteLinkRecord(linkDigest: digest, state: .requested, title: title, requestedAt: now, updatedAt: now))
            log.notice("join request for \"\(title)\" sent; it awaits an admin's approval, and later scheduled runs check it (no new request)",
                       metadata: ["job": "\(job)"])
            throw InviteRefusal.requestSent
        } catch InviteRefusal.alreadyMember {
            guard case .member(let member) = try await links.check(hash) else { throw InviteRefusal.alreadyMember }
            peer = member
        }
        try remember(.joined, peer: peer, digest: digest, known: nil)
        log.notice("joined \"\(peer.title)\" (\(peer.id)) by invite link", metadata: ["job": "\(job)"])
        return peer
    }

    private func remember(_ state: InviteLinkState, peer: ResolvedPeer, digest: String, known: InviteLinkRecord?) throws {
        try store.saveInviteLink(InviteLinkRecord(
            linkDigest: digest, state: state, channelId: peer.id, accessHash: peer.accessHash, title: peer.title,
            requestedAt: known?.requestedAt, joinedAt: now, updatedAt: now))
    }

    private var now: Date { Date(timeIntervalSince1970: clock.now()) }
    private var log: Logger { Logger(label: "tgcron.harvest") }
}

extension ArchiveStore {
    /// The chat the invite link with `hash` led to, if a run joined it (or found it joined).
    public func joinedChannel(inviteHash hash: String) throws -> Int64? {
        try InviteAccess.remembered(hash, in: self)?.id
    }
}
