import TL

/// One message waiting to go into the next packet.
struct OutgoingMessage: Sendable {
    /// The TL body.
    let body: [UInt8]
    /// Whether it needs an acknowledgement (odd seqno).
    let contentRelated: Bool
    /// The low bits its msg_id gets.
    let kind: MessageIDKind
}

/// The payload of one packet: a single message, or a `msg_container` of several.
struct PackedMessages: Sendable {
    /// msg_id of the outer message (the container, or the single message).
    let messageID: Int64
    /// seqno of the outer message.
    let seqNo: Int32
    /// Body of the outer message.
    let body: [UInt8]
    /// msg_id given to each input message, in input order.
    let innerIDs: [Int64]

    /// Whether the payload is a container.
    var isContainer: Bool { innerIDs.count > 1 }
}

/// Tracks the container limits while messages are chosen for a packet.
struct ContainerBudget: Sendable {
    private let maximumMessages: Int
    private let maximumBytes: Int
    private(set) var messages = 0
    private var bytes = 0

    init(configuration: SessionConfiguration) {
        maximumMessages = configuration.maximumContainerMessages
        maximumBytes = configuration.maximumContainerBytes
    }

    /// Counts a message of `bodyLength` bytes if it fits; the first message always fits, since a
    /// message too large for a container is sent on its own.
    mutating func admit(bodyLength: Int) -> Bool {
        let size = 16 + bodyLength
        guard messages == 0 || (messages < maximumMessages && bytes + size <= maximumBytes) else { return false }
        messages += 1
        bytes += size
        return true
    }
}

/// Gives messages their msg_ids and seqnos and wraps several into a `msg_container`
/// (https://core.telegram.org/mtproto/service_messages#simple-container). As grammers and Telethon do,
/// the container gets its id after its contents, so it is the largest.
enum MessagePacker {
    static func pack(
        _ messages: [OutgoingMessage], ids: inout MessageIDGenerator, seqNo: inout SeqNoCounter,
        now: UnixTime, containerKind: MessageIDKind
    ) -> PackedMessages {
        if messages.count == 1, let only = messages.first {
            let id = ids.next(now: now, kind: only.kind)
            return PackedMessages(messageID: id, seqNo: seqNo.next(contentRelated: only.contentRelated), body: only.body, innerIDs: [id])
        }
        var writer = TLWriter(capacity: messages.reduce(8) { $0 + 16 + $1.body.count })
        writer.write(ServiceConstructor.messageContainer)
        writer.write(Int32(messages.count))
        var innerIDs: [Int64] = []
        for message in messages {
            let id = ids.next(now: now, kind: message.kind)
            innerIDs.append(id)
            writer.write(id)
            writer.write(seqNo.next(contentRelated: message.contentRelated))
            writer.write(Int32(message.body.count))
            writer.writeRaw(message.body)
        }
        let containerID = ids.next(now: now, kind: containerKind)
        return PackedMessages(messageID: containerID, seqNo: seqNo.next(contentRelated: false), body: writer.bytes, innerIDs: innerIDs)
    }
}
