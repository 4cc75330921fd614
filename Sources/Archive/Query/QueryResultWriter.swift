import Foundation
import GRDB
import TL

/// Renders a query's rows as text in one of the `QueryFormat`s. The table format buffers its rows to align
/// the columns; JSON and CSV stream.
struct QueryResultWriter {
    let columns: [String]
    let format: QueryFormat
    private var table: [[String]] = []
    private var rows = 0

    init(columns: [String], format: QueryFormat) {
        self.columns = columns
        self.format = format
    }

    /// What precedes the rows.
    func header() -> String {
        switch format {
        case .table: ""
        case .json: "["
        case .csv: columns.map(CSVField.quoted).joined(separator: ",") + "\r\n"
        }
    }

    /// The text for one row (empty for the table format, which prints at the end).
    mutating func line(for values: [DatabaseValue]) -> String {
        defer { rows += 1 }
        switch format {
        case .table:
            table.append(values.map(Self.text))
            return ""
        case .json:
            let object = TLJSONValue.object(zip(columns, values).map { ($0, Self.json($1)) })
            return (rows == 0 ? "\n" : ",\n") + object.text(pretty: false)
        case .csv:
            return values.map { CSVField.quoted(Self.text($0)) }.joined(separator: ",") + "\r\n"
        }
    }

    /// What follows the rows.
    func footer() -> String {
        switch format {
        case .json: return rows == 0 ? "]\n" : "\n]\n"
        case .csv: return ""
        case .table:
            let cells = [columns] + table
            let widths = columns.indices.map { column in cells.map { $0[column].count }.max() ?? 0 }
            func render(_ row: [String]) -> String {
                zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                    .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) + "\n"
            }
            let rule = widths.map { String(repeating: "-", count: $0) }
            return ([columns, rule] + table).map(render).joined() + "(\(rows) row\(rows == 1 ? "" : "s"))\n"
        }
    }

    /// A value as plain text: empty for NULL, hex for blobs, newlines shown as `\n` in tables.
    private static func text(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: ""
        case .int64(let number): String(number)
        case .double(let number): String(number)
        case .string(let string): string
        case .blob(let data): data.map { String(format: "%02x", $0) }.joined()
        }
    }

    /// A value as JSON: numbers stay numbers, blobs are hex strings, text that is JSON stays text.
    private static func json(_ value: DatabaseValue) -> TLJSONValue {
        switch value.storage {
        case .null: .null
        case .int64(let number): .integer(number)
        case .double(let number): .double(number)
        case .string(let string): .string(string)
        case .blob: .string(text(value))
        }
    }
}
