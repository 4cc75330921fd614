import Foundation
import TL

/// Writes one channel as Telegram Desktop's HTML export into a folder: `messages.html`, `messages2.html`, …
/// with at most 1,000 messages each, "Previous messages" and "Next messages" links between them, a separator
/// for each day, and `css/`, `js/`, `images/` beside them. Media sit in the same folder, placed by
/// `DesktopMediaFolder` as for `result.json`.
///
/// Facts from Telegram Desktop (`Telegram/SourceFiles/export/output/export_output_html.cpp`): `kMessagesInFile`
/// is 1000; page `i` (from 0) is `messages.html` for 0, else `messages<i+1>.html`; the next page's link is
/// written when its first message arrives; day separators are service blocks with negative ids.
public struct HTMLExportWriter: ExportWriter {
    /// Messages per page, as Telegram Desktop.
    public static let messagesPerPage = 1000

    /// The export folder.
    public let directory: String
    /// Where downloaded files are placed; nil to describe each file with Desktop's "not included" note.
    public var media: DesktopMediaFolder?
    private let protectedPaths: [String]
    private let timeZone: TimeZone
    private let chatTitles: [Int64: String]
    private let users: [Int64: UserRecord]
    private let codec = TLJSONCodec()
    private let dates: HTMLDates
    private var builder: DesktopMessage?
    private var title = ""
    private var page: FileExportSink?
    private var pageIndex = 0
    private var onPage = 0
    /// The page of each message written, for replies to messages of earlier pages.
    private var pages: [Int64: Int] = [:]
    private var previous: (sender: String, date: Int64)?
    private var lastDay: String?
    private var separators: Int64 = 0

    /// The file name of page `index` (from 0).
    public static func pageName(_ index: Int) -> String {
        index == 0 ? "messages.html" : "messages\(index + 1).html"
    }

    /// A writer into `directory` (which must exist), refusing to overwrite `protectedPaths` (the archive's
    /// files); dates in `timeZone`; `chatTitles` name other chats and `users` senders and bots, as for `result.json`.
    public init(directory: String, protecting protectedPaths: [String] = [], timeZone: TimeZone = .current,
                chatTitles: [Int64: String] = [:], users: [Int64: UserRecord] = [:]) {
        self.directory = directory
        self.protectedPaths = protectedPaths
        self.timeZone = timeZone
        self.chatTitles = chatTitles
        self.users = users
        dates = HTMLDates(timeZone: timeZone)
    }

    /// Writes the style sheet, script and icons and starts the first page; the filter must name a channel.
    public mutating func begin(channel: ChannelRecord?) throws(ArchiveError) {
        guard let channel else {
            throw .exportFailed(reason: "html exports one channel at a time; choose a channel that is archived")
        }
        builder = DesktopMessage(channel: channel, dates: .local(timeZone), chatTitles: chatTitles, users: users)
        title = channel.title
        for (path, text) in HTMLExportAssets.files {
            let folder = (path as NSString).deletingLastPathComponent
            do {
                try FileManager.default.createDirectory(atPath: "\(directory)/\(folder)", withIntermediateDirectories: true)
            } catch {
                throw .exportFailed(reason: "cannot create \(directory)/\(folder): \(error.localizedDescription)")
            }
            var sink = try FileExportSink(path: "\(directory)/\(path)", protecting: protectedPaths)
            do throws(ArchiveError) {
                try sink.write(text)
                try sink.close()
            } catch {
                sink.abandon()
                throw error
            }
        }
        try openPage(0)
    }

    /// Writes the message's block (after a day separator when its day begins), moving to the next page
    /// after 1,000 messages.
    public mutating func write(_ message: ExportedMessage) throws(ArchiveError) {
        guard let builder else { throw .exportFailed(reason: "html: message written before the header") }
        let record = message.record
        let object = try builder.object(for: message, codec: codec, media: media)
        if onPage == Self.messagesPerPage {
            try write("<a class=\"pagination block_link\" href=\"\(Self.pageName(pageIndex + 1))\">Next messages</a>\n")
            try closePage()
            try openPage(pageIndex + 1)
        }
        var out = ""
        if let date = record.date, dates.day(date) != lastDay {
            let day = dates.day(date)
            lastDay = day
            separators -= 1
            out += "<div class=\"message service\" id=\"message\(separators)\">\n <div class=\"body details\">\(day)</div>\n</div>\n"
            previous = nil
        }
        let sender = HTMLText.string(object["from_id"]) ?? ""
        let isService = record.kind == .service
        let joined = !isService && object["forwarded_from"] == nil && record.date.map { date in
            previous.map { $0.sender == sender && date - $0.date < 15 * 60 } ?? false
        } ?? false
        let current = pageIndex
        var targets: [Int64: Int] = [:]
        for key in ["reply_to_message_id", "message_id"] {
            if let id = HTMLText.integer(object[key]), let page = pages[id] { targets[id] = page }
        }
        out += HTMLMessage(object: object, dates: dates, joined: joined, link: { id in
            guard let page = targets[id], page != current else { return "#go_to_message\(id)" }
            return "\(Self.pageName(page))#go_to_message\(id)"
        }).html
        previous = isService || object["forwarded_from"] != nil ? nil : record.date.map { (sender: sender, date: $0) }
        pages[Int64(record.id)] = pageIndex
        onPage += 1
        try write(out)
    }

    /// Ends the last page.
    public mutating func finish() throws(ArchiveError) {
        try closePage()
    }

    /// Removes the page being written after a failure (pages already closed stay, complete).
    public mutating func abandon() {
        page?.abandon()
        page = nil
    }

    private mutating func openPage(_ index: Int) throws(ArchiveError) {
        pageIndex = index
        onPage = 0
        previous = nil
        lastDay = nil
        page = try FileExportSink(path: "\(directory)/\(Self.pageName(index))", protecting: protectedPaths)
        var head = """
            <!DOCTYPE html>
            <html>
            <head>
            <meta charset="utf-8"/>
            <title>Exported Data</title>
            <meta content="width=device-width, initial-scale=1.0" name="viewport"/>
            <link href="css/style.css" rel="stylesheet"/>
            <script src="js/script.js" type="text/javascript"></script>
            </head>
            <body onload="CheckLocation();">
            <div class="page_wrap">
            <div class="page_header"><div class="content"><div class="text bold">\(HTMLText.escape(title))</div></div></div>
            <div class="page_body chat_page">
            <div class="history">

            """
        if index > 0 {
            head += "<a class=\"pagination block_link\" href=\"\(Self.pageName(index - 1))\">Previous messages</a>\n"
        }
        try write(head)
    }

    private mutating func closePage() throws(ArchiveError) {
        guard var current = page else { return }
        page = nil
        do throws(ArchiveError) {
            try current.write("</div>\n</div>\n</div>\n</body>\n</html>\n")
            try current.close()
        } catch {
            current.abandon()
            throw error
        }
    }

    private mutating func write(_ text: String) throws(ArchiveError) {
        guard page != nil else { throw .exportFailed(reason: "html: no page open") }
        try page?.write(text)
    }
}
