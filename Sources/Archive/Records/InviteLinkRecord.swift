import Foundation

/// A row of `invite_links`: what came of an invite link a job named, so a chat is joined once and its link
/// is not checked again on every run.
public struct InviteLinkRecord: ArchiveRecord, Equatable {
    /// The table's name.
    public static let databaseTableName = "invite_links"

    /// A digest of the link's hash (the hash itself grants access to the chat, so it is not stored).
    public var linkDigest: String
    /// Joined, or a join request awaiting approval.
    public var state: InviteLinkState
    /// The chat the link led to, once known (joined, or already a member).
    public var channelId: Int64?
    /// The access hash that goes with `channelId` for this account.
    public var accessHash: Int64?
    /// The chat's title as the link showed it.
    public var title: String?
    /// When a join request was sent (`INVITE_REQUEST_SENT`).
    public var requestedAt: Date?
    /// When the chat was joined, or found already joined.
    public var joinedAt: Date?
    /// When the row last changed.
    public var updatedAt: Date

    /// A row.
    public init(linkDigest: String, state: InviteLinkState, channelId: Int64? = nil, accessHash: Int64? = nil, title: String? = nil,
                requestedAt: Date? = nil, joinedAt: Date? = nil, updatedAt: Date) {
        self.linkDigest = linkDigest
        self.state = state
        self.channelId = channelId
        self.accessHash = accessHash
        self.title = title
        self.requestedAt = requestedAt
        self.joinedAt = joinedAt
        self.updatedAt = updatedAt
    }
}

/// Where an invite link stands for this account.
public enum InviteLinkState: String, Codable, Sendable {
    /// A member of the chat: later runs read it by id, without checking the link.
    case joined
    /// A join request awaits an admin's approval: later runs check the link, never send another request.
    case requested
}
