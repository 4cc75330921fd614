import TL

/// A channel's linked discussion group: a public megagroup whose messages are the channel's
/// automatic post copies and the readers' comments (https://core.telegram.org/api/discussion).
public struct DiscussionGroup: Sendable {
    /// Synthetic commenters.
    static let commenterCount = 400
    /// The first commenter's user id (account ids are below 10⁹, so they never clash).
    static let firstCommenterID: Int64 = 5_000_000_000
    /// The share of comments the channel posts as itself.
    static let channelCommentShare = 0.02

    /// The group's description.
    public let spec: DiscussionSpec
    /// The group id (`peerChannel.channel_id`).
    public let id: Int64
    /// The access hash clients must present.
    public let accessHash: Int64
    let timeline: DiscussionTimeline

    init(spec: DiscussionSpec, seed: UInt64, parent: ChannelTimeline, parentSpec: ChannelSpec) {
        self.spec = spec
        let key = Draw.key(spec.username.lowercased())
        id = SyntheticChannel.channelID(seed: seed, username: spec.username)
        var draw = Draw(seed, key, DrawPurpose.identity.rawValue)
        accessHash = Int64(bitPattern: draw.next())
        timeline = DiscussionTimeline(
            parent: parent, parentMix: parentSpec.mix, parentInteropSafe: parentSpec.interopSafe, groupKey: key, spec: spec)
    }

    /// The group's peer.
    public var peer: Api.Peer { .peerChannel(.init(channelId: id)) }

    /// The group as a `Chat` (a public megagroup), with `username` (none once its channel is private).
    func chat(username: String?) -> Api.Chat {
        .channel(.init(
            megagroup: true, hasLink: true, id: id, accessHash: accessHash, title: spec.title, username: username,
            photo: .chatPhotoEmpty, date: Int32(clamping: timeline.parent.date(1)),
            participantsCount: Int32(500 + Int(UInt64(bitPattern: accessHash) % 20_000))))
    }

    /// The sender of comment `id`: one of the synthetic users, or (rarely) the channel `channelID` itself.
    func sender(ofComment id: Int, channelID: Int64) -> Api.Peer {
        var draw = Draw(timeline.parent.seed, timeline.groupKey, UInt64(id), DrawPurpose.commentSender.rawValue)
        if draw.chance(Self.channelCommentShare) { return .peerChannel(.init(channelId: channelID)) }
        // Squaring the draw makes a few users far more talkative than the rest.
        let unit = draw.unit()
        return .peerUser(.init(userId: Self.firstCommenterID + Int64(Double(Self.commenterCount) * unit * unit)))
    }

    /// The synthetic user with `userID`, or nil if it is none of the commenters.
    func commenter(_ userID: Int64) -> Api.User? {
        let index = userID - Self.firstCommenterID
        guard (0..<Int64(Self.commenterCount)).contains(index) else { return nil }
        return SyntheticUser.make(seed: timeline.parent.seed, groupKey: timeline.groupKey, index: index, id: userID)
    }
}
