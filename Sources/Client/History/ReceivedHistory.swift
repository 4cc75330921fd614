import TL

/// A message as received, with its exact bytes (what the archive keeps as `raw`).
public typealias ReceivedMessage = TLReceived<Api.Message>

/// A `messages.Messages` answer with each message's bytes as received: the parts history paging needs.
///
/// Read in one pass over the answer: the constructors' header fields are read as the schema lays them out
/// (`messages.messages#1d73e7ea`, `messages.messagesSlice#5f206716`, `messages.channelMessages#c776ba4e`,
/// `messages.messagesNotModified#74535f21` of layer 228), then each message's span is sliced from the buffer
/// while it is decoded, so nothing is decoded twice or serialized again.
public struct ReceivedHistory: Sendable {
    /// The messages, in the server's order.
    public var messages: [ReceivedMessage]
    /// The chats the answer refers to.
    public var chats: [Api.Chat]
    /// The users the answer refers to.
    public var users: [Api.User]

    /// An answer with these parts.
    public init(messages: [ReceivedMessage], chats: [Api.Chat], users: [Api.User]) {
        self.messages = messages
        self.chats = chats
        self.users = users
    }

    /// Reads a boxed `messages.Messages`.
    public init(from reader: inout TLReader) throws(TLDecodingError) {
        let offset = reader.position
        let id = try reader.readUInt32()
        switch id {
        case Api.Messages.Messages.MessagesNotModified.constructorID:
            _ = try reader.readInt32()  // count
            self.init(messages: [], chats: [], users: [])
            return
        case Api.Messages.Messages.Messages.constructorID:
            break
        case Api.Messages.Messages.MessagesSlice.constructorID:
            let flags = try reader.readUInt32()
            _ = try reader.readInt32()  // count
            if flags & (1 << 0) != 0 { _ = try reader.readInt32() }  // next_rate
            if flags & (1 << 2) != 0 { _ = try reader.readInt32() }  // offset_id_offset
            if flags & (1 << 3) != 0 { _ = try Api.SearchPostsFlood(from: &reader) }  // search_flood
        case Api.Messages.Messages.ChannelMessages.constructorID:
            let flags = try reader.readUInt32()
            _ = try reader.readInt32()  // pts
            _ = try reader.readInt32()  // count
            if flags & (1 << 2) != 0 { _ = try reader.readInt32() }  // offset_id_offset
        default:
            throw .unknownConstructor(id: id, expectedType: Api.Messages.Messages.tlTypeName, offset: offset)
        }
        try reader.enter()
        defer { reader.leave() }
        let messages = try reader.readVectorKeepingBytes { (reader: inout TLReader) throws(TLDecodingError) in
            try Api.Message(from: &reader)
        }
        _ = try reader.readVector { (reader: inout TLReader) throws(TLDecodingError) in try Api.ForumTopic(from: &reader) }
        let chats = try reader.readVector { (reader: inout TLReader) throws(TLDecodingError) in try Api.Chat(from: &reader) }
        let users = try reader.readVector { (reader: inout TLReader) throws(TLDecodingError) in try Api.User(from: &reader) }
        self.init(messages: messages, chats: chats, users: users)
    }
}

/// `messages.getHistory`, answered as a `ReceivedHistory`: the same request on the wire, the messages' bytes kept.
public struct GetHistoryKeepingBytes: TLFunction {
    /// The answer with each message's bytes.
    public typealias Result = ReceivedHistory

    /// The request sent.
    public var request: Api.Messages.GetHistory

    /// Wraps `request`.
    public init(_ request: Api.Messages.GetHistory) {
        self.request = request
    }

    public static var tlName: String { Api.Messages.GetHistory.tlName }
    public static var constructorID: UInt32 { Api.Messages.GetHistory.constructorID }

    public func serialize(into writer: inout TLWriter) {
        request.serialize(into: &writer)
    }

    public static func decodeResult(from reader: inout TLReader) throws(TLDecodingError) -> ReceivedHistory {
        try ReceivedHistory(from: &reader)
    }
}

extension TLReceived where Value == Api.Message {
    /// The message id, whatever the constructor.
    public var messageID: Int { value.messageID }
    /// The unix date, nil for `messageEmpty`.
    public var unixDate: Int? { value.unixDate }
}
