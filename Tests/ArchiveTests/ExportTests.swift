import Foundation
import TL
import XCTest
@testable import Archive

final class ExportTests: XCTestCase {
    private let channel = Fixtures.channel

    /// Five messages: a service message, a formatted reply, a photo, a deleted post and an edited post.
    private func smallArchive() throws -> ArchiveStore {
        let store = try Fixtures.store(self)
        let bold = Api.MessageEntity.messageEntityBold(Api.MessageEntity.MessageEntityBold(offset: 0, length: 4))
        try store.commitPage(channel: channel, job: Fixtures.job, messages: [
            Fixtures.channelCreated(1),
            Fixtures.post(2, text: "Bold news", entities: [bold], replyTo: 1, postAuthor: "Ann"),
            Fixtures.post(3, media: Fixtures.photo(id: 9)),
            Fixtures.post(4),
            Fixtures.post(5, text: "first"),
        ], checkpoint: Checkpoint(head: 5, tail: 1), now: Fixtures.now)
        try store.commitPage(channel: channel, job: Fixtures.job,
                             messages: [Fixtures.post(5, text: "second, \"quoted\"", editDate: Fixtures.baseDate + 999)],
                             checkpoint: Checkpoint(head: 5, tail: 1), now: Fixtures.now)
        try store.markDeleted(channel: channel.id, ids: [4], noticedAt: Fixtures.now)
        return store
    }

    private func exported(_ store: ArchiveStore, _ format: ExportFormat, filter: ExportFilter) throws -> String {
        var sink = StringExportSink()
        try store.export(format, filter: filter, to: &sink, timeZone: TimeZone(identifier: "UTC") ?? .current)
        return sink.text
    }

    func testJSONLCarriesEveryTLFieldAndTheArchiveMetadata() throws {
        let store = try smallArchive()

        let lines = try exported(store, .jsonl, filter: ExportFilter()).split(separator: "\n").map(String.init)

        XCTAssertEqual(lines.count, 5)
        let codec = TLJSONCodec()
        for (line, id) in zip(lines, Int32(1)...) {
            let object = try TLJSONParser.parse(line)
            guard case .object(let pairs) = object else { return XCTFail("line \(id) is not an object") }
            XCTAssertEqual(pairs.map(\.0), ["channel", "id", "archived_at", "updated_at", "deleted_at", "versions", "layer", "message"])
            XCTAssertEqual(object["id"], .integer(Int64(id)))
            XCTAssertEqual(object["layer"], .integer(Int64(TLLayer.current)))
            // Every field survives: the exported TL object encodes back to the archived bytes.
            let raw = try XCTUnwrap(try store.message(channel: channel.id, id: id)).raw
            XCTAssertEqual(try codec.encode(XCTUnwrap(object["message"])), [UInt8](raw), "message \(id)")
        }
        XCTAssertEqual(try TLJSONParser.parse(lines[0])["message"]?["_"], .string("messageService"))
        XCTAssertEqual(try TLJSONParser.parse(lines[3])["deleted_at"], .string("2024-07-03T09:46:40Z"))
        XCTAssertEqual(try TLJSONParser.parse(lines[2])["deleted_at"], .null)
        XCTAssertEqual(try TLJSONParser.parse(lines[4])["versions"], .integer(1))
        XCTAssertEqual(try TLJSONParser.parse(lines[4])["message"]?["message"], .string("second, \"quoted\""))
    }

    func testCSVMatchesTheGoldenTable() throws {
        let store = try smallArchive()

        let csv = try exported(store, .csv, filter: ExportFilter(channel: channel.id))

        XCTAssertEqual(csv, [
            "channel,id,date,edit_date,text,views,forwards,replies,reply_to,media_kind,deleted",
            "1001,1,2024-05-01T12:01:00Z,,,,,,,,false",
            "1001,2,2024-05-01T12:02:00Z,,Bold news,10,1,,1,,false",
            "1001,3,2024-05-01T12:03:00Z,,post 3,10,1,,,messageMediaPhoto,false",
            "1001,4,2024-05-01T12:04:00Z,,post 4,10,1,,,,true",
            #"1001,5,2024-05-01T12:05:00Z,2024-05-01T12:16:39Z,"second, ""quoted""",10,1,,,,false"#,
        ].map { $0 + "\r\n" }.joined())
    }

    func testDesktopJSONMatchesTelegramDesktopsShape() throws {
        let store = try smallArchive()

        let text = try exported(store, .desktopJSON, filter: ExportFilter(channel: channel.id))

        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(Set(root.keys), ["name", "type", "id", "messages"])
        XCTAssertEqual(root["name"] as? String, channel.title)
        XCTAssertEqual(root["type"] as? String, "public_channel")
        XCTAssertEqual(root["id"] as? Int, Int(channel.id))
        XCTAssertEqual(text, Self.desktopGolden)
    }

    func testDesktopJSONDescribesAVideoFileWithoutDownloadingIt() throws {
        let store = try Fixtures.store(self)
        let video = Api.MessageMedia.messageMediaDocument(Api.MessageMedia.MessageMediaDocument(document: .document(
            Api.Document.Document(id: 3, accessHash: 4, fileReference: [1], date: Fixtures.baseDate, mimeType: "video/mp4",
                                  size: 1_000_000, dcId: 2, attributes: [
                                      .documentAttributeVideo(Api.DocumentAttribute.DocumentAttributeVideo(duration: 12.5, w: 640, h: 360)),
                                      .documentAttributeFilename(Api.DocumentAttribute.DocumentAttributeFilename(fileName: "clip.mp4")),
                                  ]))))
        try store.commitPage(channel: channel, job: Fixtures.job, messages: [Fixtures.post(1, text: "clip", media: video)],
                             checkpoint: Checkpoint(head: 1, tail: 1), now: Fixtures.now)

        let text = try exported(store, .desktopJSON, filter: ExportFilter(channel: channel.id))

        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let message = try XCTUnwrap((root["messages"] as? [[String: Any]])?.first)
        XCTAssertEqual(message["file"] as? String, DesktopMessage.fileNotIncluded)
        XCTAssertEqual(message["media_type"] as? String, "video_file")
        XCTAssertEqual(message["mime_type"] as? String, "video/mp4")
        XCTAssertEqual(message["duration_seconds"] as? Int, 12)
        XCTAssertEqual(message["width"] as? Int, 640)
        XCTAssertEqual(message["height"] as? Int, 360)
        XCTAssertEqual(try store.message(channel: channel.id, id: 1)?.mediaKind, "messageMediaDocument")
    }

    func testFiltersSelectAChannelAndASinceDate() throws {
        let store = try smallArchive()
        try store.commitPage(channel: ChannelInfo(id: 2_002, title: "Other"), job: Fixtures.job,
                             messages: [Fixtures.post(1, channelId: 2_002)], checkpoint: Checkpoint(head: 1, tail: 1),
                             now: Fixtures.now)

        let all = try exported(store, .csv, filter: ExportFilter())
        let other = try exported(store, .csv, filter: ExportFilter(channel: 2_002))
        let since = try exported(store, .csv, filter: ExportFilter(
            channel: channel.id, since: Date(timeIntervalSince1970: TimeInterval(Fixtures.baseDate + 4 * 60))))

        XCTAssertEqual(all.split(separator: "\r\n").count, 1 + 6)
        XCTAssertEqual(other.split(separator: "\r\n").dropFirst().map { $0.prefix(7) }, ["2002,1,"])
        XCTAssertEqual(since.split(separator: "\r\n").dropFirst().map { $0.prefix(7) }, ["1001,4,", "1001,5,"])
    }

    func testUntilLeavesOutMessagesFromThatInstantOn() throws {
        let store = try smallArchive()

        let until = try exported(store, .csv, filter: ExportFilter(
            channel: channel.id, until: Date(timeIntervalSince1970: TimeInterval(Fixtures.baseDate + 3 * 60))))

        XCTAssertEqual(until.split(separator: "\r\n").dropFirst().map { $0.prefix(7) }, ["1001,1,", "1001,2,"])
    }

    func testCSVCanStartWithABOMAndGuardFormulas() throws {
        let store = try Fixtures.store(self)
        try store.commitPage(channel: channel, job: Fixtures.job, messages: [
            Fixtures.post(1, text: "=HYPERLINK(\"http://x\")"), Fixtures.post(2, text: "@all +1 -2"), Fixtures.post(3, text: "plain"),
        ], checkpoint: Checkpoint(head: 3, tail: 1), now: Fixtures.now)
        var sink = StringExportSink()

        try store.export(.csv, filter: ExportFilter(), to: &sink, csv: CSVOptions(byteOrderMark: true, guardFormulas: true))

        let rows = sink.text.split(separator: "\r\n").map(String.init)
        XCTAssertTrue(rows[0].hasPrefix("\u{FEFF}channel,id,"))
        XCTAssertTrue(rows[1].contains(#","'=HYPERLINK(""http://x"")","#), rows[1])
        XCTAssertTrue(rows[2].contains(",'@all +1 -2,"), rows[2])
        XCTAssertTrue(rows[3].contains(",plain,"), rows[3])
        var plain = StringExportSink()
        try store.export(.csv, filter: ExportFilter(), to: &plain)
        XCTAssertTrue(plain.text.hasPrefix("channel,") && plain.text.contains(",@all +1 -2,"), "off by default")
    }

    func testDesktopJSONNamesForwardSourcesBotsOtherChatsReactionsPhotoSizesAndPolls() throws {
        let store = try Fixtures.store(self)
        let other = ChannelInfo(id: 2_002, accessHash: 8, username: "source", title: "The Source")
        try store.commitPage(channel: other, job: "other", messages: [Fixtures.post(1, channelId: other.id)],
                             checkpoint: Checkpoint(head: 1, tail: 1), now: Fixtures.now)
        let question = Api.TextWithEntities(text: "Tea or coffee?", entities: [])
        let answers: [Api.PollAnswer] = [
            .pollAnswer(.init(text: Api.TextWithEntities(text: "Tea", entities: []), option: [0])),
            .pollAnswer(.init(text: Api.TextWithEntities(text: "Coffee", entities: []), option: [1])),
        ]
        let poll = Api.MessageMedia.messageMediaPoll(.init(
            poll: Api.Poll(id: 1, closed: true, question: question, answers: answers, hash: 0),
            results: Api.PollResults(results: [
                // voters and recent_voters share flags.2, so both are present together.
                Api.PollAnswerVoters(option: [0], voters: 2, recentVoters: []),
                Api.PollAnswerVoters(chosen: true, option: [1], voters: 5, recentVoters: []),
            ], totalVoters: 7)))
        let forwarded = Api.Message.message(.init(
            post: true, id: 1, peerId: .peerChannel(.init(channelId: channel.id)),
            fwdFrom: Api.MessageFwdHeader(fromId: .peerChannel(.init(channelId: other.id)), date: Fixtures.baseDate),
            viaBotId: 42,
            replyTo: .messageReplyHeader(.init(replyToMsgId: 1, replyToPeerId: .peerChannel(.init(channelId: other.id)))),
            date: Fixtures.baseDate + 60, message: "fwd", media: Fixtures.photo(id: 3), reactions: Fixtures.thumbsUp(4)))
        try store.commitPage(channel: channel, job: Fixtures.job, messages: [forwarded, Fixtures.post(2, media: poll)],
                             checkpoint: Checkpoint(head: 2, tail: 1), now: Fixtures.now)

        let text = try exported(store, .desktopJSON, filter: ExportFilter(channel: channel.id))

        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let messages = try XCTUnwrap(root["messages"] as? [[String: Any]])
        XCTAssertEqual(messages[0]["forwarded_from"] as? String, "The Source")
        XCTAssertEqual(messages[0]["via_bot_id"] as? String, "user42")
        XCTAssertEqual(messages[0]["reply_to_peer_id"] as? String, "channel2002")
        XCTAssertEqual(messages[0]["width"] as? Int, 800)
        XCTAssertEqual(messages[0]["height"] as? Int, 600)
        let reactions = try XCTUnwrap(messages[0]["reactions"] as? [[String: Any]])
        XCTAssertEqual(reactions.first?["type"] as? String, "emoji")
        XCTAssertEqual(reactions.first?["count"] as? Int, 4)
        let pollObject = try XCTUnwrap(messages[1]["poll"] as? [String: Any])
        XCTAssertEqual(pollObject["question"] as? String, "Tea or coffee?")
        XCTAssertEqual(pollObject["closed"] as? Bool, true)
        XCTAssertEqual(pollObject["total_voters"] as? Int, 7)
        let answerObjects = try XCTUnwrap(pollObject["answers"] as? [[String: Any]])
        XCTAssertEqual(answerObjects.map { $0["text"] as? String }, ["Tea", "Coffee"])
        XCTAssertEqual(answerObjects.map { $0["voters"] as? Int }, [2, 5])
        XCTAssertEqual(answerObjects.map { $0["chosen"] as? Bool }, [false, true])
    }

    func testDesktopJSONNeedsOneChannel() throws {
        let store = try smallArchive()

        XCTAssertThrowsError(try exported(store, .desktopJSON, filter: ExportFilter())) { error in
            guard case .exportFailed? = error as? ArchiveError else { return XCTFail("got \(error)") }
        }
    }

    func testAFileExportIsPrivateAndComplete() throws {
        let store = try smallArchive()
        let path = try Fixtures.temporaryDirectory(self).appendingPathComponent("export.jsonl").path
        var writer = JSONLExportWriter(sink: try FileExportSink(path: path, bufferSize: 256))

        let count = try store.export(ExportFilter(), to: &writer)
        var sink = writer.sink
        try sink.close()

        XCTAssertEqual(count, 5)
        XCTAssertEqual(DatabaseFileMode.permissions(of: path), 0o600)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), try exported(store, .jsonl, filter: ExportFilter()))
    }

    func testTextPartsSplitOnUTF16OffsetsLikeTelegramDesktop() throws {
        let entities: [TLJSONValue] = [
            .object([("_", .string("messageEntityTextUrl")), ("offset", .integer(3)), ("length", .integer(4)),
                     ("url", .string("https://t.me"))]),
            .object([("_", .string("messageEntityBold")), ("offset", .integer(4)), ("length", .integer(1))]),
        ]

        let parts = DesktopTextParts.parts(of: "😀 link!", entities: entities)

        XCTAssertEqual(parts, [
            .object([("type", .string("plain")), ("text", .string("😀 "))]),
            .object([("type", .string("text_link")), ("text", .string("link")), ("href", .string("https://t.me"))]),
            .object([("type", .string("plain")), ("text", .string("!"))]),
        ])
        XCTAssertEqual(DesktopTextParts.text(from: parts), .array([
            .string("😀 "),
            .object([("type", .string("text_link")), ("text", .string("link")), ("href", .string("https://t.me"))]),
            .string("!"),
        ]))
    }

    private static let desktopGolden = #"""
        {
         "name": "tgcron News",
         "type": "public_channel",
         "id": 1001,
         "messages": [
          {"id":1,"type":"service","date":"2024-05-01T12:01:00","date_unixtime":"1714564860","actor":"tgcron News","actor_id":"channel1001","action":"create_channel","title":"tgcron News","text":"","text_entities":[]},
          {"id":2,"type":"message","date":"2024-05-01T12:02:00","date_unixtime":"1714564920","from":"tgcron News","from_id":"channel1001","author":"Ann","reply_to_message_id":1,"text":[{"type":"bold","text":"Bold"}," news"],"text_entities":[{"type":"bold","text":"Bold"},{"type":"plain","text":" news"}]},
          {"id":3,"type":"message","date":"2024-05-01T12:03:00","date_unixtime":"1714564980","from":"tgcron News","from_id":"channel1001","photo":"(File not included. Change data exporting settings to download.)","width":800,"height":600,"text":"post 3","text_entities":[{"type":"plain","text":"post 3"}]},
          {"id":4,"type":"message","date":"2024-05-01T12:04:00","date_unixtime":"1714565040","from":"tgcron News","from_id":"channel1001","text":"post 4","text_entities":[{"type":"plain","text":"post 4"}]},
          {"id":5,"type":"message","date":"2024-05-01T12:05:00","date_unixtime":"1714565100","edited":"2024-05-01T12:16:39","edited_unixtime":"1714565799","from":"tgcron News","from_id":"channel1001","text":"second, \"quoted\"","text_entities":[{"type":"plain","text":"second, \"quoted\""}]}
         ]
        }

        """#
}
