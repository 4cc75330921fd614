import MTProto
import TL

/// Private chats reached by invite link (https://core.telegram.org/api/invites): `messages.checkChatInvite`
/// says what a link leads to, `messages.importChatInvite` joins it. Remembering what was joined, and
/// pacing joins, is the caller's part (the harvester keeps joins in the archive; the governor's `join`
/// class admits `importChatInvite`).
public struct InviteLinks: Sendable {
    /// Where calls go (the job's governed pipeline).
    public let invoker: any Invoker

    /// Invite link calls through `invoker`.
    public init(invoker: any Invoker) {
        self.invoker = invoker
    }

    /// What the link with `hash` leads to; throws `InviteRefusal` for a link that expired or never existed.
    public func check(_ hash: String) async throws -> InviteCheck {
        let answer: Api.ChatInvite
        do {
            answer = try await invoker.invoke(Api.Messages.CheckChatInvite(hash: hash))
        } catch ClientError.rpc(let error) {
            throw InviteRefusal(error) ?? ClientError.rpc(error)
        }
        switch answer {
        case .chatInviteAlready(let already):
            guard let peer = Self.channel(in: [already.chat]) else { throw InviteRefusal.notAChannel }
            return .member(peer)
        case .chatInvitePeek(let peek):
            guard let peer = Self.channel(in: [peek.chat]) else { throw InviteRefusal.notAChannel }
            return .preview(peer, until: Int(peek.expires))
        case .chatInvite(let invite):
            guard invite.channel else { throw InviteRefusal.notAChannel }
            return .joinable(title: invite.title, requestNeeded: invite.requestNeeded)
        }
    }

    /// Joins the chat of the link with `hash` and returns it; throws `InviteRefusal` when Telegram refuses
    /// (`INVITE_REQUEST_SENT` included: the join waits for an admin's approval).
    public func join(_ hash: String) async throws -> ResolvedPeer {
        let answer: Api.Messages.ChatInviteJoinResult
        do {
            answer = try await invoker.invoke(Api.Messages.ImportChatInvite(hash: hash))
        } catch ClientError.rpc(let error) {
            throw InviteRefusal(error) ?? ClientError.rpc(error)
        }
        guard case .chatInviteJoinResultOk(let ok) = answer, let peer = Self.channel(in: ok.updates.chatList) else {
            throw InviteRefusal.notAChannel
        }
        return peer
    }

    /// The first usable channel (or supergroup) among `chats`.
    private static func channel(in chats: [Api.Chat]) -> ResolvedPeer? {
        for case .channel(let channel) in chats {
            if let peer = ResolvedPeer.channel(id: channel.id, in: chats) { return peer }
        }
        return nil
    }
}

/// What an invite link leads to (`messages.checkChatInvite`).
public enum InviteCheck: Sendable, Equatable {
    /// The account is already a member (`chatInviteAlready`): the chat can be read now.
    case member(ResolvedPeer)
    /// The chat may be read without joining until the unix time `until` (`chatInvitePeek`).
    case preview(ResolvedPeer, until: Int)
    /// Joining is possible (`chatInvite`); `requestNeeded` when an admin must approve the join.
    case joinable(title: String, requestNeeded: Bool)
}

/// Telegram's "no" to an invite link, each a clear end of the run rather than something to retry in a loop.
public enum InviteRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// `INVITE_HASH_EXPIRED`: the link was revoked, expired or used up.
    case expired
    /// `INVITE_HASH_INVALID` / `INVITE_HASH_EMPTY`: no such link.
    case invalid
    /// `INVITE_REQUEST_SENT`: a join request was sent and awaits an admin's approval.
    case requestSent
    /// `CHANNELS_TOO_MUCH`: the account is in as many channels and supergroups as Telegram allows.
    case tooManyChannels
    /// `USER_ALREADY_PARTICIPANT`: already a member (checking the link again gives the chat).
    case alreadyMember
    /// The link leads to a basic group or something else that is no channel or supergroup.
    case notAChannel

    /// The refusal an RPC error is, if it is one.
    public init?(_ error: RPCError) {
        switch error.name {
        case .inviteHashExpired: self = .expired
        case .inviteHashInvalid, .inviteHashEmpty: self = .invalid
        case .inviteRequestSent: self = .requestSent
        case .channelsTooMuch: self = .tooManyChannels
        case .userAlreadyParticipant: self = .alreadyMember
        default: return nil
        }
    }

    /// A sentence for the log and the runs table.
    public var description: String {
        switch self {
        case .expired: "the invite link has expired or was revoked (INVITE_HASH_EXPIRED): ask for a new link"
        case .invalid: "the invite link is not valid (INVITE_HASH_INVALID): check the hash in the job file"
        case .requestSent: "the join request awaits an admin's approval (INVITE_REQUEST_SENT)"
        case .tooManyChannels:
            "the account is in too many channels and supergroups to join another (CHANNELS_TOO_MUCH): leave some first"
        case .alreadyMember: "the account is already a member (USER_ALREADY_PARTICIPANT)"
        case .notAChannel: "the invite link leads to a basic group or another chat that is no channel or supergroup"
        }
    }
}
