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

    /// Stores the page's users and chats as seen at `now`. A `min` constructor (a partial copy the server
    /// sends when the full one is not needed) only adds an id not seen before, never overwrites one.
    static func storePeers(_ peers: PagePeers, now: DatabaseDateText, in db: Database) throws {
        for user in peers.users {
            guard case .user(let value) = user else { continue }
            try storeUser(id: value.id, kind: "user", username: value.username, firstName: value.firstName,
                          lastName: value.lastName, title: nil, bot: value.bot, partial: value.min, now: now, in: db)
        }
        for chat in peers.chats {
            switch chat {
            case .channel(let value):
                try storeUser(id: MessageRecord.botAPIID(.peerChannel(.init(channelId: value.id))), kind: "channel", username: value.username, firstName: nil,
                              lastName: nil, title: value.title, bot: false, partial: value.min, now: now, in: db)
            case .chat(let value):
                try storeUser(id: MessageRecord.botAPIID(.peerChat(.init(chatId: value.id))), kind: "chat", username: nil, firstName: nil, lastName: nil, title: value.title,
                              bot: false, partial: false, now: now, in: db)
            default:
                continue
            }
        }
    }

    private static func storeUser(id: Int64, kind: String, username: String?, firstName: String?, lastName: String?,
                                  title: String?, bot: Bool, partial: Bool, now: DatabaseDateText, in db: Database) throws {
        let conflict = partial ? "DO NOTHING" : """
            DO UPDATE SET username = excluded.username, first_name = excluded.first_name,
                last_name = excluded.last_name, title = excluded.title, bot = excluded.bot, last_seen = excluded.last_seen
            """
        let statement = try db.cachedStatement(sql: """
            INSERT INTO users (id, kind, username, first_name, last_name, title, bot, last_seen)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) \(conflict)
            """)
        try statement.execute(arguments: [id, kind, username, firstName, lastName, title, bot, now.text])
    }

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
