import Archive
import Foundation
import PostgresNIO
import TL

/// Senders and comments on PostgreSQL (migration `v7-senders-comments`): the `users` a page's answer listed and
/// the links of a discussion group's messages to their channel posts, with `ArchiveStore`'s rules.
extension PostgresArchive {
    public func users() throws(ArchiveError) -> [Int64: UserRecord] {
        try transaction { session in
            let users = try session.records("SELECT to_jsonb(u)::text FROM users u", as: UserRecord.self)
            return Dictionary(users.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    public func discussionGroup(of channel: Int64) throws(ArchiveError) -> Int64? {
        try transaction { session in
            try session.scalar("SELECT discussion_id FROM channels WHERE id = \(channel)", as: Int64.self)
        }
    }

    /// Stores the page's users and chats inside its transaction (`PagePeers.userRows`: a `min` copy only adds
    /// an id not seen before, never overwrites one).
    static func storePeers(_ peers: PagePeers, now: Date, in session: Session) throws {
        for (u, partial) in peers.userRows(seenAt: now) {
            try session.execute("""
                INSERT INTO users (id, kind, username, first_name, last_name, title, bot, last_seen)
                VALUES (\(u.id), \(u.kind), \(u.username), \(u.firstName), \(u.lastName), \(u.title), \(u.bot), \(u.lastSeen))
                ON CONFLICT (id) DO UPDATE SET username = excluded.username, first_name = excluded.first_name,
                    last_name = excluded.last_name, title = excluded.title, bot = excluded.bot, last_seen = excluded.last_seen
                WHERE NOT \(partial)
                """)
        }
    }

    /// Links the page's messages of `group` (discussing `channel`) to their posts, and the comments already
    /// archived under a post's copy this page brings; records the group as the channel's discussion.
    static func linkDiscussion(_ messages: [TLReceived<Api.Message>], group: Int64, discussing channel: Int64,
                               in session: Session) throws {
        try session.execute("UPDATE channels SET discussion_id = \(group) WHERE id = \(channel)")
        for message in messages {
            guard case .message(let value) = message.value,
                  let link = DiscussionLink.of(message.value, discussing: channel) else { continue }
            try session.execute("""
                UPDATE messages SET thread_id = \(link.threadID), comment_of = coalesce(\(link.commentOf), comment_of,
                    (SELECT r.comment_of FROM messages r WHERE r.channel_id = \(group) AND r.id = \(link.threadID)))
                WHERE channel_id = \(group) AND id = \(value.id)
                """)
            if let post = link.commentOf, link.threadID == nil {
                try session.execute("""
                    UPDATE messages SET comment_of = \(post)
                    WHERE channel_id = \(group) AND thread_id = \(value.id) AND comment_of IS NULL
                    """)
            }
        }
    }
}
