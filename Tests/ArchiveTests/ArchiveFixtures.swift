import Foundation
import TL
import TestSupport
import XCTest
@testable import Archive

/// Builders for archives in temporary directories and for messages as the server sends them.
enum Fixtures {
    static let channel = ChannelInfo(id: 1_001, accessHash: 77, username: "tgcron_news", title: "tgcron News")
    static let job = "nightly"
    /// 2024-05-01 12:00:00 UTC.
    static let baseDate: Int32 = 1_714_564_800
    static let now = Date(timeIntervalSince1970: 1_720_000_000)

    /// A fresh directory, removed when the test ends.
    static func temporaryDirectory(_ test: XCTestCase) throws -> URL {
        try test.temporaryDirectory(prefix: "archive-tests").url
    }

    /// A new archive in a fresh directory.
    static func store(_ test: XCTestCase) throws -> ArchiveStore {
        try ArchiveStore(path: temporaryDirectory(test).appendingPathComponent("archive.sqlite").path)
    }

    /// A channel post.
    static func post(_ id: Int32, text: String = "", entities: [Api.MessageEntity]? = nil, views: Int32? = 10,
                     forwards: Int32? = 1, editDate: Int32? = nil, media: Api.MessageMedia? = nil,
                     reactions: Api.MessageReactions? = nil, replyTo: Int32? = nil, postAuthor: String? = nil,
                     channelId: Int64 = channel.id) -> Api.Message {
        let body = text.isEmpty ? "post \(id)" : text
        return .message(Api.Message.Message(
            post: true, id: id, peerId: .peerChannel(Api.Peer.PeerChannel(channelId: channelId)),
            replyTo: replyTo.map { .messageReplyHeader(Api.MessageReplyHeader.MessageReplyHeader(replyToMsgId: $0)) },
            date: baseDate + id * 60, message: body, media: media, entities: entities, views: views,
            forwards: forwards, editDate: editDate, postAuthor: postAuthor, reactions: reactions))
    }

    /// A service message announcing the channel's creation.
    static func channelCreated(_ id: Int32) -> Api.Message {
        .messageService(Api.Message.MessageService(
            post: true, id: id, peerId: .peerChannel(Api.Peer.PeerChannel(channelId: channel.id)),
            date: baseDate + id * 60,
            action: .messageActionChannelCreate(Api.MessageAction.MessageActionChannelCreate(title: channel.title))))
    }

    /// The server's answer for an id that holds no message.
    static func empty(_ id: Int32) -> Api.Message {
        .messageEmpty(Api.Message.MessageEmpty(id: id, peerId: .peerChannel(Api.Peer.PeerChannel(channelId: channel.id))))
    }

    /// A photo whose file reference is `reference`.
    static func photo(id: Int64, reference: [UInt8] = [1, 2, 3]) -> Api.MessageMedia {
        .messageMediaPhoto(Api.MessageMedia.MessageMediaPhoto(photo: .photo(Api.Photo.Photo(
            id: id, accessHash: 5, fileReference: reference, date: baseDate,
            sizes: [.photoSize(Api.PhotoSize.PhotoSize(type: "x", w: 800, h: 600, size: 1234))], dcId: 2))))
    }

    /// Reactions: `count` thumbs-up.
    static func thumbsUp(_ count: Int32) -> Api.MessageReactions {
        Api.MessageReactions(results: [Api.ReactionCount(reaction: .reactionEmoji(Api.Reaction.ReactionEmoji(emoticon: "👍")), count: count)])
    }

    /// Posts `ids` as one page.
    static func page(_ ids: ClosedRange<Int32>) -> [Api.Message] {
        ids.map { post($0) }
    }

    /// The error `body` throws, as an `ArchiveError`.
    static func archiveError<T>(_ body: () throws -> T) -> ArchiveError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error as? ArchiveError
        }
    }
}
