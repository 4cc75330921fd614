import Foundation
import TL
import XCTest
@testable import Archive

/// `export --format html`: Telegram Desktop's pages, 1,000 messages each, linked; replies across pages; text
/// escaped and entities as markup.
final class HTMLExportTests: XCTestCase {
    private let channel = Fixtures.channel

    private func export(_ store: ArchiveStore) throws -> URL {
        let folder = try Fixtures.temporaryDirectory(self).appendingPathComponent("html")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try store.exportHTML(filter: ExportFilter(channel: channel.id), directory: folder.path,
                             timeZone: TimeZone(identifier: "UTC") ?? .current)
        return folder
    }

    private func blocks(_ html: String) -> Int {
        html.components(separatedBy: "<div class=\"message default clearfix").count - 1
    }

    func testPagesHoldAThousandMessagesLinkEachOtherAndRepliesFindTheirPage() throws {
        let store = try Fixtures.store(self)
        var messages = (1...2004).map { Fixtures.post(Int32($0)) }
        messages.append(Fixtures.post(2005, replyTo: 2))
        try store.commitPage(channel: channel, job: Fixtures.job, messages: messages,
                             checkpoint: Checkpoint(head: 2005, tail: 1), now: Fixtures.now)

        let folder = try export(store)

        let pages = try ["messages.html", "messages2.html", "messages3.html"].map {
            try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("messages4.html").path))
        XCTAssertEqual(pages.map(blocks), [1000, 1000, 5])
        XCTAssertFalse(pages[0].contains("Previous messages"))
        XCTAssertTrue(pages[0].contains("<a class=\"pagination block_link\" href=\"messages2.html\">Next messages</a>"))
        XCTAssertTrue(pages[1].contains("href=\"messages.html\">Previous messages</a>"))
        XCTAssertTrue(pages[1].contains("href=\"messages3.html\">Next messages</a>"))
        XCTAssertFalse(pages[2].contains("Next messages"))
        XCTAssertTrue(pages[0].contains("id=\"message1000\""))
        XCTAssertTrue(pages[1].contains("id=\"message1001\""))
        XCTAssertTrue(pages[2].contains("In reply to <a href=\"messages.html#go_to_message2\">this message</a>"))
        for asset in ["css/style.css", "js/script.js", "images/media_file.svg"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent(asset).path), asset)
        }
    }

    func testTextIsEscapedEntitiesBecomeMarkupAndUnsafeLinksStayText() throws {
        let store = try Fixtures.store(self)
        let text = "<script>alert(1)</script> & \"Bold\" go\nnext"
        let units = Array(text.utf16)
        let bold = Api.MessageEntity.messageEntityBold(.init(offset: 28, length: 6))
        let unsafe = Api.MessageEntity.messageEntityTextUrl(.init(offset: 35, length: 2, url: "javascript:alert(2)"))
        XCTAssertEqual(String(decoding: units[28..<34], as: UTF16.self), "\"Bold\"")
        try store.commitPage(channel: channel, job: Fixtures.job, messages: [
            Fixtures.channelCreated(1),
            Fixtures.post(2, text: text, entities: [bold, unsafe], replyTo: 1),
            Fixtures.post(3, text: "site", entities: [.messageEntityTextUrl(.init(offset: 0, length: 4, url: "https://example.org/?a=1&b=2"))],
                          editDate: Fixtures.baseDate + 999, media: Fixtures.photo(id: 9)),
        ], checkpoint: Checkpoint(head: 3, tail: 1), now: Fixtures.now)

        let page = try String(contentsOf: export(store).appendingPathComponent("messages.html"), encoding: .utf8)

        XCTAssertFalse(page.contains("<script>alert"))
        XCTAssertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; <strong>&quot;Bold&quot;</strong> go<br>next"), page)
        XCTAssertFalse(page.contains("javascript:"))
        XCTAssertTrue(page.contains("<a href=\"https://example.org/?a=1&amp;b=2\">site</a>"))
        XCTAssertTrue(page.contains("<div class=\"message service\" id=\"message1\">\n <div class=\"body details\">Channel «tgcron News» created</div>"))
        XCTAssertTrue(page.contains("<a href=\"#go_to_message1\" onclick=\"return GoToMessage(1)\">this message</a>"))
        XCTAssertTrue(page.contains("title=\"Edited: 01.05.2024 12:16:39 UTC+00:00\">edited</div>"), page)
        XCTAssertTrue(page.contains("<div class=\"description\">\(DesktopMessage.fileNotIncluded)</div>"))
        XCTAssertTrue(page.contains("<div class=\"message service\" id=\"message-1\">\n <div class=\"body details\">1 May 2024</div>"))
    }
}
