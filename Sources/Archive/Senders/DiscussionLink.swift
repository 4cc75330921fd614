import TL

/// Where a discussion group's message sits: the post's copy that opens its thread, and the channel post.
///
/// A post's copy in the group is forwarded from the channel with `fwd_from.saved_from_peer` = the channel and
/// `saved_from_msg_id` = the post; a comment's `reply_to.reply_to_top_id` (or `reply_to_msg_id` when it
/// answers the copy itself) names the copy (https://core.telegram.org/api/discussion,
/// https://core.telegram.org/api/threads). A comment's post is therefore known once its copy is archived.
struct DiscussionLink: Equatable {
    /// The group message the thread starts at (nil for the copy itself and for messages outside threads).
    var threadID: Int32?
    /// The channel post, known from the message alone for copies.
    var commentOf: Int32?

    /// The link of `message` in the group discussing channel `channel` (nil if it has neither).
    static func of(_ message: Api.Message, discussing channel: Int64) -> DiscussionLink? {
        guard case .message(let value) = message else { return nil }
        if case .peerChannel(let source)? = value.fwdFrom?.savedFromPeer, source.channelId == channel,
           let post = value.fwdFrom?.savedFromMsgId {
            return DiscussionLink(threadID: nil, commentOf: post)
        }
        guard case .messageReplyHeader(let reply)? = value.replyTo, reply.replyToPeerId == nil,
              let top = reply.replyToTopId ?? reply.replyToMsgId else { return nil }
        return DiscussionLink(threadID: top, commentOf: nil)
    }
}
