import Foundation

extension WorldSpec {
    /// The built-in world: a small news channel, a 200 000-id archive, an interop-safe channel, a media channel, a channel
    /// with a discussion group (@sandbox_talk, @sandbox_talk_chat), four private channels reached by invite link
    /// (one to join, one whose link expired, one whose joins an admin approves, one that previews) and a forum supergroup (@sandbox_forum),
    /// with one plain account (DC 2), one with a 2FA password (DC 2), one on DC 1, one banned and three more plain ones (DC 2).
    public static let builtIn = WorldSpec(
        seed: 20_260_101,
        genesis: Date(timeIntervalSince1970: 1_767_225_600),  // 2026-01-01T00:00:00Z
        channels: [
            ChannelSpec(username: "sandbox_news", title: "Sandbox News", size: 300, postsPerHour: 6),
            ChannelSpec(username: "sandbox_big", title: "Sandbox Big Archive", size: 200_000, postsPerHour: 30),
            ChannelSpec(
                username: "sandbox_interop", title: "Sandbox Interop", size: 6_000, postsPerHour: 10,
                mix: MessageMix(service: 0), interopSafe: true),
            // Mostly photos (albums too) and documents from 4 KB to 80 MB, spread over DC 1, 2 and 3.
            ChannelSpec(
                username: "sandbox_media", title: "Sandbox Media", size: 120, postsPerHour: 1,
                mix: MessageMix(media: 0.9, replies: 0, forwards: 0, service: 0, deleted: 0, edited: 0.05, albums: 0.6),
                interopSafe: true),
            // A small channel with a discussion group (no forwards: the others' forward ring stays as it was): about 3 comments per post, a few posts with 100 or more.
            ChannelSpec(
                username: "sandbox_talk", title: "Sandbox Talk", size: 400, postsPerHour: 1,
                mix: MessageMix(forwards: 0, service: 0), interopSafe: true,
                discussion: DiscussionSpec(username: "sandbox_talk_chat", title: "Sandbox Talk Chat", commentsPerPost: 3)),
            // Appended after the channels above (file ids encode a channel's position) and without forwards (the
            // forward ring stays as it was), so every earlier channel and its truth are unchanged.
            // Private channels, reached only by invite link (https://t.me/+HASH; their usernames name them in
            // `sandbox truth` only): one to join, one whose link expired, one whose joins an admin approves 6 h
            // (simulated) after the request.
            ChannelSpec(
                username: "sandbox_private", title: "Sandbox Private", size: 150, postsPerHour: 1,
                mix: MessageMix(forwards: 0, service: 0), interopSafe: true, invite: InviteSpec(hash: "SbxPrivateJoin01")),
            ChannelSpec(
                username: "sandbox_private_expired", title: "Sandbox Expired Invite", size: 20, postsPerHour: 1,
                mix: MessageMix(forwards: 0), invite: InviteSpec(hash: "SbxExpiredLink02", expired: true)),
            ChannelSpec(
                username: "sandbox_private_approval", title: "Sandbox Approval", size: 30, postsPerHour: 1,
                mix: MessageMix(forwards: 0),
                invite: InviteSpec(hash: "SbxApprovalLnk03", requestNeeded: true, approvedAfter: 6 * 3_600)),
            // A private channel whose link previews it for 5 simulated minutes without joining (`chatInvitePeek`).
            ChannelSpec(
                username: "sandbox_private_peek", title: "Sandbox Preview", size: 25, postsPerHour: 1,
                mix: MessageMix(forwards: 0), invite: InviteSpec(hash: "SbxPeekPreview04", peek: 300)),
            // A forum supergroup: five topics besides General, members posting as themselves or (5%) as their channels.
            ChannelSpec(
                username: "sandbox_forum", title: "Sandbox Forum", size: 600, postsPerHour: 4,
                mix: MessageMix(media: 0.1, replies: 0, forwards: 0, service: 0, deleted: 0, edited: 0.05, albums: 0),
                interopSafe: true,
                forum: ForumSpec(topics: ["Announcements", "Help", "Off-topic", "Releases", "Showcase"])),
        ],
        accounts: [
            AccountSpec(phone: "9996621234", firstName: "Alice"),
            AccountSpec(phone: "9996625678", firstName: "Bob", password: "sandbox-2fa"),
            AccountSpec(phone: "9996611111", firstName: "Carol"),
            AccountSpec(phone: "9996620000", firstName: "Mallory", banned: true),
            // Three more plain accounts on DC 2, for several accounts and runners sharing one archive (issue #19).
            AccountSpec(phone: "9996623333", firstName: "Dave"),
            AccountSpec(phone: "9996624444", firstName: "Erin"),
            AccountSpec(phone: "9996626666", firstName: "Frank"),
        ])
}
