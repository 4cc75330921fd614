import Foundation
import GRDB

extension ArchiveStore {
    /// Streams the messages `filter` selects into `writer`, returning how many were written.
    ///
    /// Rows come from a cursor inside one read transaction (a consistent snapshot that never blocks page
    /// commits), so memory stays constant whatever the archive's size. Tombstones of empty ids are left out.
    @discardableResult
    public func export(_ filter: ExportFilter, to writer: inout some ExportWriter) throws(ArchiveError) -> Int {
        let (filterConditions, arguments) = filter.sqlConditions
        let conditions = ["m.kind != 'empty'"] + filterConditions
        let sql = """
            SELECT m.*, (SELECT COUNT(*) FROM message_versions v WHERE v.channel_id = m.channel_id AND v.message_id = m.id)
                AS version_count
            FROM messages m WHERE \(conditions.joined(separator: " AND ")) ORDER BY m.channel_id, m.id
            """
        return try read { db in
            let channel = try filter.channel.flatMap { try ChannelRecord.fetchOne(db, key: $0) }
            try writer.begin(channel: channel)
            var count = 0
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try rows.next() {
                try writer.write(ExportedMessage(record: try MessageRecord(row: row), versionCount: row["version_count"]))
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
    public func export<Sink: ExportSink>(_ format: ExportFormat, filter: ExportFilter, to sink: inout Sink,
                                         timeZone: TimeZone = .current, csv: CSVOptions = CSVOptions()) throws(ArchiveError) -> Int {
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
            var writer = DesktopJSONExportWriter(sink: sink, timeZone: timeZone, chatTitles: titles)
            defer { sink = writer.sink }
            return try export(filter, to: &writer)
        }
    }
}
