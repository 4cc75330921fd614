import Foundation
import GRDB
import GRDBSQLite

extension ArchiveStore {
    /// Streams the messages `filter` selects into `writer`, returning how many were written.
    ///
    /// Rows come from a cursor inside one read transaction (a consistent snapshot that never blocks page
    /// commits), so memory stays constant whatever the archive's size. Tombstones of empty ids are left out.
    @discardableResult
    public func export(_ filter: ExportFilter, to writer: inout some ExportWriter) throws(ArchiveError) -> Int {
        let (filterConditions, arguments) = filter.sqlConditions
        let conditions = ["m.kind != 'empty'"] + filterConditions
        return try read { db in
            // An archive read without migrating (read-only, written by an older tgcron) has no media ledger.
            // The message's newest file is found in the same query: a query per message built a GRDB row
            // (every column name lowercased) for each one, files or not.
            let ledger = try db.tableExists("media")
            let sql = """
                SELECT \(MessageRecord.selection(of: "m")),
                    (SELECT COUNT(*) FROM message_versions v WHERE v.channel_id = m.channel_id AND v.message_id = m.id),
                    \(ledger ? "(SELECT MAX(f.id) FROM media f WHERE f.channel_id = m.channel_id AND f.message_id = m.id)" : "NULL")
                FROM messages m WHERE \(conditions.joined(separator: " AND ")) ORDER BY \(filter.sqlOrder)
                """
            let channel = try filter.channel.flatMap { try ChannelRecord.fetchOne(db, key: $0) }
            try writer.begin(channel: channel)
            var count = 0
            let statement = try db.makeStatement(sql: sql)
            try statement.setArguments(arguments)
            var columns = RowReader(statement.sqliteStatement)
            while true {
                let code = sqlite3_step(statement.sqliteStatement)
                if code == SQLITE_DONE { break }
                guard code == SQLITE_ROW else {
                    throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: sql)
                }
                columns.rewind()
                let record = try MessageRecord(columns: &columns)
                var message = ExportedMessage(record: record, versionCount: Int(columns.int64() ?? 0))
                if let file = columns.int64() { message.media = try MediaEntry.fetchOne(db, key: file) }
                try writer.write(message)
                count += 1
            }
            try writer.finish()
            return count
        }
    }
}

extension ArchiveStore {
    /// Streams the messages `filter` selects into `sink` in `format`, returning how many were written.
    ///
    /// `timeZone` is used by `desktop-json`, whose dates are local time like Telegram Desktop's; `csv` by `csv`.
    @discardableResult
    /// `media`, for `desktop-json`, places downloaded files beside the JSON in Telegram Desktop's folders.
    public func export<Sink: ExportSink>(_ format: ExportFormat, filter: ExportFilter, to sink: inout Sink,
                                         timeZone: TimeZone = .current, csv: CSVOptions = CSVOptions(),
                                         media: DesktopMediaFolder? = nil) throws(ArchiveError) -> Int {
        switch format {
        case .jsonl:
            var writer = JSONLExportWriter(sink: sink)
            defer { sink = writer.sink }
            return try export(filter, to: &writer)
        case .csv:
            var writer = CSVExportWriter(sink: sink, options: csv)
            defer { sink = writer.sink }
            return try export(filter, to: &writer)
        case .desktopJSON:
            let titles = Dictionary(try channels().map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
            var writer = DesktopJSONExportWriter(sink: sink, timeZone: timeZone, chatTitles: titles, users: try users())
            writer.media = media
            defer { sink = writer.sink }
            return try export(filter, to: &writer)
        case .html:
            throw .exportFailed(reason: "html writes a folder of pages, not one stream: use exportHTML")
        }
    }

    /// Writes the channel `filter` names as Telegram Desktop's HTML pages into `directory` (which must exist),
    /// returning how many messages were written; `media` places downloaded files there too. Files of the
    /// archive (`protecting`) are never overwritten; a failure removes the page being written.
    @discardableResult
    public func exportHTML(filter: ExportFilter, directory: String, protecting protectedPaths: [String] = [],
                           timeZone: TimeZone = .current, media: DesktopMediaFolder? = nil) throws(ArchiveError) -> Int {
        let titles = Dictionary(try channels().map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        var writer = HTMLExportWriter(directory: directory, protecting: protectedPaths, timeZone: timeZone, chatTitles: titles,
                                      users: try users())
        writer.media = media
        do throws(ArchiveError) {
            return try export(filter, to: &writer)
        } catch {
            writer.abandon()
            throw error
        }
    }
}
