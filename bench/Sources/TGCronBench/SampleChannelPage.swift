import TL

/// A realistic `messages.channelMessages` page: long texts with entities, photos, replies, forwards,
/// view/forward/reply counters and reactions, like a busy news channel.
enum SampleChannelPage {
    static func make(messages count: Int) -> Api.Messages.Messages {
        let channelID: Int64 = 1_981_172_626_292
        let peer = Api.Peer.peerChannel(.init(channelId: channelID))
        let text = String(repeating: "Breaking: markets rally as — Новости дня 📈 ", count: 8)
        var messages: [Api.Message] = []
        for index in 0..<count {
            let id = Int32(100_000 - index)
            let photo: Api.MessageMedia? = index % 3 == 0 ? .messageMediaPhoto(.init(photo: .photo(.init(
                id: 5_000_000_000 + Int64(index), accessHash: -7_777_777_777, fileReference: Array(repeating: 0xab, count: 24),
                date: 1_700_000_000, sizes: [
                    .photoStrippedSize(.init(type: "i", bytes: Array(repeating: 0x11, count: 120))),
                    .photoSize(.init(type: "m", w: 320, h: 240, size: 21_000)),
                    .photoSizeProgressive(.init(type: "y", w: 1280, h: 960, sizes: [11_000, 40_000, 120_000])),
                ], dcId: 2)))) : nil
            messages.append(.message(.init(
                post: true, id: id, peerId: peer,
                fwdFrom: index % 7 == 0 ? .init(fromId: .peerChannel(.init(channelId: 777)), date: 1_699_000_000,
                                                channelPost: 42, postAuthor: "Editor") : nil,
                replyTo: index % 5 == 0 ? .messageReplyHeader(.init(replyToMsgId: id - 3)) : nil,
                date: 1_700_000_000 - Int32(index) * 60, message: text, media: photo,
                entities: [.messageEntityBold(.init(offset: 0, length: 9)),
                           .messageEntityTextUrl(.init(offset: 10, length: 14, url: "https://example.com/markets")),
                           .messageEntityHashtag(.init(offset: 30, length: 6))],
                views: 120_000 + Int32(index), forwards: 350, replies: .init(replies: 12, repliesPts: 9_000),
                editDate: index % 4 == 0 ? 1_700_000_100 : nil, postAuthor: "Newsroom",
                reactions: .init(results: [
                    .init(reaction: .reactionEmoji(.init(emoticon: "👍")), count: 4_211),
                    .init(reaction: .reactionEmoji(.init(emoticon: "🔥")), count: 977),
                ]))))
        }
        let channel = Api.Chat.channel(.init(broadcast: true, id: channelID, accessHash: 123_456_789,
                                             title: "Markets Live", username: "marketslive",
                                             photo: .chatPhotoEmpty, date: 1_600_000_000))
        return .channelMessages(.init(pts: 250_000, count: 100_000, messages: messages, topics: [],
                                      chats: [channel], users: []))
    }
}
