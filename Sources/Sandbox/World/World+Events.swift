import MTProto
import TL

/// Whether a channel can be reached, after the world's events.
enum ChannelAccess: Sendable, Equatable {
    /// As the world built it.
    case open
    /// Made private: calls by id answer `CHANNEL_PRIVATE`.
    case `private`
    /// Deleted: calls by id answer `CHANNEL_INVALID`.
    case deleted
}

extension World {
    /// The events about `subject` of `kinds` that happened by `now`, oldest first.
    private func events(_ kinds: Set<WorldEvent.Kind>, subject: String, by now: Double) -> [WorldEvent] {
        spec.events.filter { kinds.contains($0.kind) && $0.subject.lowercased() == subject.lowercased() && $0.happened(by: now) }
            .sorted { $0.at < $1.at }
    }

    /// Whether the account with `phone` is banned by `now`.
    func isBanned(phone: String, at now: Double) -> Bool {
        !events([.ban], subject: phone, by: now).isEmpty
    }

    /// The 401 error every call of an account's session gets after a ban, or after a revoke of sessions
    /// logged in before it; nil if the session may go on.
    func refusal(phone: String, loggedInAt: Double, now: Double) -> RPCError? {
        if isBanned(phone: phone, at: now) { return RPCError(.userDeactivatedBan) }
        let revoked = events([.revoke], subject: phone, by: now).contains { $0.at.timeIntervalSince1970 > loggedInAt }
        return revoked ? RPCError(.sessionRevoked) : nil
    }

    /// Whether `channel` is open, private or deleted at `now`.
    func access(of channel: SyntheticChannel, at now: Double) -> ChannelAccess {
        let fates = events([.private, .delete], subject: channel.spec.username, by: now)
        if fates.contains(where: { $0.kind == .delete }) { return .deleted }
        return fates.isEmpty ? .open : .private
    }

    /// The username of `channel` at `now`: its last rename's, or none once private or deleted, nor ever for a
    /// chat reached by invite link.
    func username(of channel: SyntheticChannel, at now: Double) -> String? {
        guard access(of: channel, at: now) == .open, channel.spec.invite == nil else { return nil }
        return events([.rename], subject: channel.spec.username, by: now).last?.to ?? channel.spec.username
    }

    /// The open channel whose username is `name` at `now` (case-insensitive, with or without `@`).
    func channel(resolving name: String, at now: Double) -> SyntheticChannel? {
        let wanted = (name.hasPrefix("@") ? String(name.dropFirst()) : name).lowercased()
        return channels.first { username(of: $0, at: now)?.lowercased() == wanted }
    }

    /// `channel` as a `Chat` at `now`, with its current username.
    func chat(_ channel: SyntheticChannel, at now: Double) -> Api.Chat {
        channel.chat(username: username(of: channel, at: now))
    }

    /// The channel whose discussion group has `id`.
    public func channel(linkedGroupID id: Int64) -> SyntheticChannel? {
        channels.first { $0.discussion?.id == id }
    }

    /// The channel whose discussion group is named `name` at `now` (the group is public while its channel is open).
    func channel(resolvingGroup name: String, at now: Double) -> SyntheticChannel? {
        let wanted = (name.hasPrefix("@") ? String(name.dropFirst()) : name).lowercased()
        return channels.first { $0.discussion?.spec.username.lowercased() == wanted && access(of: $0, at: now) == .open }
    }

    /// `channel`'s discussion group as a `Chat` at `now`.
    func groupChat(_ channel: SyntheticChannel, at now: Double) -> Api.Chat? {
        channel.discussion.map { $0.chat(username: access(of: channel, at: now) == .open ? $0.spec.username : nil) }
    }

    /// The chats a list of `channel`'s group messages refers to: the group and the channel.
    func groupChats(for channel: SyntheticChannel, at now: Double) -> [Api.Chat] {
        (groupChat(channel, at: now).map { [$0] } ?? []) + [chat(channel, at: now)]
    }
}
