/// What a synthetic message is, as recorded in the ground truth.
public enum MessageKind: String, Codable, Sendable, CaseIterable {
    /// Text only (possibly with entities, a reply or a forward header).
    case text
    /// A photo, alone or as a member of an album.
    case photo
    /// A document (file or video).
    case document
    /// A service message (channel created, message pinned).
    case service
}

/// The plan of one message before rendering: its kind and the other messages it points at.
struct MessagePlan: Equatable {
    /// The message kind.
    var kind: MessageKind
    /// The earlier id this message replies to (or pins, for a pin service message).
    var replyTo: Int?
    /// Whether the message is forwarded from another channel.
    var forwarded: Bool
    /// The album's grouped_id for album members.
    var groupedID: Int64?

    /// Draws the plan of `id` in `timeline` from the channel's `mix`.
    init(id: Int, timeline: ChannelTimeline, mix: MessageMix, interopSafe: Bool) {
        replyTo = nil
        forwarded = false
        groupedID = nil
        if id == 1 && !interopSafe {
            kind = .service
            return
        }
        if let album = timeline.album(of: id) {
            kind = .photo
            groupedID = album.groupedID
            return
        }
        var draw = Draw(timeline.seed, timeline.channelKey, UInt64(id), DrawPurpose.kind.rawValue)
        let roll = draw.unit()
        let serviceShare = interopSafe || id == 1 ? 0 : mix.service
        if roll < serviceShare {
            kind = .service
            replyTo = 1 + draw.below(id - 1)
            return
        }
        if roll < serviceShare + mix.media {
            kind = draw.chance(0.6) ? .photo : .document
        } else {
            kind = .text
        }
        if id > 1 && draw.chance(mix.forwards) {
            forwarded = true
        } else if id > 1 && draw.chance(mix.replies) {
            replyTo = id - 1 - draw.below(min(id - 1, 50))
        }
    }
}
