/// How `tgcron sql` prints a query's rows.
public enum QueryFormat: String, CaseIterable, Sendable {
    /// Aligned columns under a header, for reading.
    case table
    /// A JSON array of objects, one per row, keyed by column name.
    case json
    /// RFC 4180 CSV with a header row.
    case csv
}
