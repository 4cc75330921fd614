import Archive
import Foundation
import PostgresNIO

/// Invite links and what came of them on PostgreSQL (`invite_links`, migration `v8-joins-topics`): part of the
/// client's state, keyed by a digest of the link's hash.
extension PostgresArchive {
    public func inviteLink(digest: String) throws(ArchiveError) -> InviteLinkRecord? {
        try transaction { session in
            try session.record("SELECT to_jsonb(l)::text FROM invite_links l WHERE link_digest = \(digest)",
                               as: InviteLinkRecord.self)
        }
    }

    public func saveInviteLink(_ r: InviteLinkRecord) throws(ArchiveError) {
        try transaction { session in
            try session.execute("""
                INSERT INTO invite_links (link_digest, state, channel_id, access_hash, title, requested_at, joined_at, updated_at)
                VALUES (\(r.linkDigest), \(r.state.rawValue), \(r.channelId), \(r.accessHash), \(r.title), \(r.requestedAt),
                    \(r.joinedAt), \(r.updatedAt))
                ON CONFLICT (link_digest) DO UPDATE SET state = excluded.state, channel_id = excluded.channel_id,
                    access_hash = excluded.access_hash, title = excluded.title, requested_at = excluded.requested_at,
                    joined_at = excluded.joined_at, updated_at = excluded.updated_at
                """)
        }
    }
}
