import Foundation

/// Every job/channel pair the archive has a checkpoint for, rendered as a text table or as JSON.
public struct StatusReport: Codable, Equatable, Sendable {
    /// The rows, by job then channel id.
    public var rows: [StatusRow]
    /// Sentences about the account that need the operator (a retired auth key, a ban), printed after the table.
    public var notices: [String]
    /// The accounts, when the settings name any besides the default one (nil otherwise).
    public var accounts: [AccountStatus]?
    /// The runners sharing the archive and their leases (nil: no runner ever ran on it).
    public var runners: RunnersReport?

    /// A report of `rows`.
    public init(rows: [StatusRow], notices: [String] = [], accounts: [AccountStatus]? = nil, runners: RunnersReport? = nil) {
        self.rows = rows
        self.notices = notices
        self.accounts = accounts
        self.runners = runners
    }

    /// The column titles of `table(timeZone:)`.
    static let headers = ["JOB", "CHANNEL", "ARCHIVED", "DELETED", "HEAD", "TAIL", "OLDEST", "NEWEST", "LAST RUN",
                          "FLOODS", "DEFERRED", "NEXT DUE"]

    /// A fixed-width text table, one line per row, dates in `timeZone` except NEXT DUE, which is shown in
    /// the job's own zone and names it (a schedule's `30 2 * * *` reads as 02:30 there); "-" marks an absent value.
    public func table(timeZone: TimeZone = .current) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        let date = { (value: Date?) in value.map(formatter.string(from:)) ?? "-" }
        let zoned = { (value: Date?, zoneName: String?) -> String in
            guard let value else { return "-" }
            let zone = zoneName.flatMap(TimeZone.init(identifier:)) ?? timeZone
            formatter.timeZone = zone
            defer { formatter.timeZone = timeZone }
            return formatter.string(from: value) + " " + zone.identifier
        }
        let lines = rows.map { row -> [String] in
            [
                row.job,
                row.channelUsername.map { "@" + $0 } ?? row.channelTitle,
                String(row.archived),
                String(row.deleted),
                row.head.map(String.init) ?? "-",
                row.tail.map(String.init) ?? "-",
                date(row.oldest),
                date(row.newest),
                row.lastRunStatus.map { "\($0.rawValue) \(date(row.lastRunStarted))" } ?? "-",
                String(row.floodWaits),
                row.deferralReason ?? "-",
                zoned(row.nextDue, row.nextDueZone),
            ]
        }
        return TextTable.render(Self.headers, lines) + notices.map { "\n" + $0 + "\n" }.joined()
            + (accounts.map { "\n" + AccountStatus.table($0, date: date) } ?? "") + (runners?.table() ?? "")
    }

    /// The report as pretty JSON (ISO 8601 dates, sorted keys, absent values omitted).
    public func json() throws(ArchiveError) -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            return String(decoding: try encoder.encode(self), as: UTF8.self)
        } catch {
            throw .exportFailed(reason: "status as JSON: \(error)")
        }
    }
}
