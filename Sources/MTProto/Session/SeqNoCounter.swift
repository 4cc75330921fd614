/// Sequence numbers of one session's outgoing messages
/// (https://core.telegram.org/mtproto/description#message-sequence-number-msg-seqno):
/// twice the number of content-related messages sent before, plus one for a content-related message.
struct SeqNoCounter: Sendable {
    private var contentRelatedSent: Int32 = 0

    /// The seqno of the next message, counting it if it is content-related.
    mutating func next(contentRelated: Bool) -> Int32 {
        if contentRelated {
            defer { contentRelatedSent &+= 1 }
            return contentRelatedSent &* 2 &+ 1
        }
        return contentRelatedSent &* 2
    }
}
