import Archive
import Foundation
import TL
import TestSupport
import XCTest

/// A temporary archive and the messages a test commits to it, as the harvester would.
struct ArchiveScenario {
    static let channel = ChannelInfo(id: 2_002, accessHash: 9, username: "ops_news", title: "Ops \"News\"")
    static let otherChannel = ChannelInfo(id: 3_003, accessHash: 9, username: "ops_other", title: "Other")
    /// 2024-05-01 12:00:00 UTC.
    static let baseDate: Int32 = 1_714_564_800
    static let now = Date(timeIntervalSince1970: 1_720_000_000)

    let store: ArchiveStore
    let directory: URL

    init(_ test: XCTestCase) throws {
        let temporary = try test.temporaryDirectory(prefix: "ops")
        directory = temporary.url
        store = try ArchiveStore(path: temporary.archivePath)
    }

    static func post(_ id: Int32, text: String? = nil, views: Int32 = 10, editDate: Int32? = nil,
                     channel: ChannelInfo = channel) -> Api.Message {
        .message(Api.Message.Message(
            post: true, id: id, peerId: .peerChannel(Api.Peer.PeerChannel(channelId: channel.id)),
            date: baseDate + id * 60, message: text ?? "post \(id)", views: views, forwards: 1, editDate: editDate))
    }

    static func empty(_ id: Int32) -> Api.Message {
        .messageEmpty(Api.Message.MessageEmpty(id: id, peerId: .peerChannel(Api.Peer.PeerChannel(channelId: channel.id))))
    }

    /// Commits `messages` as one page of `channel`, moving the checkpoint to the newest id.
    func commit(_ messages: [Api.Message], channel: ChannelInfo = channel, at now: Date = now) throws {
        let ids = messages.map(\.pagingID)
        try store.commitPage(channel: channel, job: "ops", messages: messages,
                             checkpoint: Checkpoint(head: ids.max(), tail: ids.min()), now: now)
    }

    /// Commits posts `ids` of `channel`.
    func commitPosts(_ ids: ClosedRange<Int32>, channel: ChannelInfo = channel) throws {
        try commit(ids.map { Self.post($0, channel: channel) }, channel: channel)
    }
}

extension Api.Message {
    var pagingID: Int32 {
        switch self {
        case .message(let message): message.id
        case .messageService(let service): service.id
        case .messageEmpty(let empty): empty.id
        }
    }
}
