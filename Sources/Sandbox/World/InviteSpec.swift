/// The invite link of a private channel or supergroup (https://core.telegram.org/api/invites): the only way
/// in, since the chat has no public username.
public struct InviteSpec: Codable, Sendable, Equatable {
    /// The link's hash, as in `https://t.me/+HASH`.
    public var hash: String
    /// The link was revoked or expired: checking or importing it answers `INVITE_HASH_EXPIRED`.
    public var expired: Bool
    /// Joining sends a request an admin must approve (`request_needed`; importing answers `INVITE_REQUEST_SENT`).
    public var requestNeeded: Bool
    /// Simulated seconds after a request until the admin approves it; nil for never.
    public var approvedAfter: Double?
    /// Checking the link lets a non-member read the chat for this many simulated seconds without joining
    /// (`chatInvitePeek`); nil for no preview.
    public var peek: Double?

    /// Creates a link description.
    public init(hash: String, expired: Bool = false, requestNeeded: Bool = false, approvedAfter: Double? = nil,
                peek: Double? = nil) {
        self.hash = hash
        self.expired = expired
        self.requestNeeded = requestNeeded
        self.approvedAfter = approvedAfter
        self.peek = peek
    }

    private enum CodingKeys: String, CodingKey {
        case hash, expired, requestNeeded, approvedAfter, peek
    }

    /// Reads a link; `expired` and `requestNeeded` default to false, `approvedAfter` to never, `peek` to none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        hash = try container.decode(String.self, forKey: .hash)
        expired = try container.decodeIfPresent(Bool.self, forKey: .expired) ?? false
        requestNeeded = try container.decodeIfPresent(Bool.self, forKey: .requestNeeded) ?? false
        approvedAfter = try container.decodeIfPresent(Double.self, forKey: .approvedAfter)
        peek = try container.decodeIfPresent(Double.self, forKey: .peek)
    }
}
