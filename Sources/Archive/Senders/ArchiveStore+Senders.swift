import Foundation
import GRDB
import TL

extension ArchiveStore {
    /// Every user and chat the archive has seen, by Bot API style id (for exports naming senders).
    public func users() throws(ArchiveError) -> [Int64: UserRecord] {
        try read { db in
            // An archive read without migrating (read-only, written by an older tgcron) has no users yet.
            guard try db.tableExists(UserRecord.databaseTableName) else { return [:] }
            return Dictionary(try UserRecord.fetchAll(db).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// The discussion group whose comments were archived for `channel`, if any.
    public func discussionGroup(of channel: Int64) throws(ArchiveError) -> Int64? {
        try read { db in
            guard try db.columns(in: "channels").contains(where: { $0.name == "discussion_id" }) else { return nil }
            return try Int64.fetchOne(db, sql: "SELECT discussion_id FROM channels WHERE id = ?", arguments: [channel])
        }
    }

    /// Stores the page's users and chats as seen at `now` (`PagePeers.userRows`: a `min` copy never overwrites).
    static func storePeers(_ peers: PagePeers, now: DatabaseDateText, in db: Database) throws {
        let update = try db.cachedStatement(sql: insertUserSQL + """
             DO UPDATE SET username = excluded.username, first_name = excluded.first_name,
                last_name = excluded.last_name, title = excluded.title, bot = excluded.bot, last_seen = excluded.last_seen
            """)
        let addOnly = try db.cachedStatement(sql: insertUserSQL + " DO NOTHING")
        for (user, partial) in peers.userRows(seenAt: now.date) {
            try (partial ? addOnly : update).execute(arguments: [user.id, user.kind, user.username, user.firstName, user.lastName,
                                                                 user.title, user.bot, now.text])
        }
    }

    private static let insertUserSQL = """
        INSERT INTO users (id, kind, username, first_name, last_name, title, bot, last_seen)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id)
        """

    /// Links the page's messages of the group discussing `channel` to their posts, and the comments already
    /// archived under a copy this page brings; records the group as the channel's discussion.
    static func linkDiscussion(_ messages: [TLReceived<Api.Message>], group: Int64, discussing channel: Int64,
                               in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE channels SET discussion_id = ? WHERE id = ?").execute(arguments: [group, channel])
        let store = try db.cachedStatement(sql: """
            UPDATE messages SET thread_id = ?1, comment_of = coalesce(?2, comment_of,
                (SELECT r.comment_of FROM messages r WHERE r.channel_id = ?3 AND r.id = ?1))
            WHERE channel_id = ?3 AND id = ?4
            """)
        let adopt = try db.cachedStatement(sql: """
            UPDATE messages SET comment_of = ?1 WHERE channel_id = ?2 AND thread_id = ?3 AND comment_of IS NULL
            """)
        for message in messages {
            guard case .message(let value) = message.value,
                  let link = DiscussionLink.of(message.value, discussing: channel) else { continue }
            try store.execute(arguments: [link.threadID, link.commentOf, group, value.id])
            if let post = link.commentOf, link.threadID == nil {
                try adopt.execute(arguments: [post, group, value.id])
            }
        }
    }
}
