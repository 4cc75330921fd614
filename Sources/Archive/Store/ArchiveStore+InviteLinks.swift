import Foundation
import GRDB

/// Invite links and what came of them (`invite_links`).
extension ArchiveStore {
    /// What is known of the link with `digest`, or nil if no run used it yet.
    public func inviteLink(digest: String) throws(ArchiveError) -> InviteLinkRecord? {
        try read { db in try InviteLinkRecord.fetchOne(db, key: digest) }
    }

    /// Records where the link stands, replacing what was known.
    public func saveInviteLink(_ record: InviteLinkRecord) throws(ArchiveError) {
        try write { db in try record.upsert(db) }
    }
}
