/// `tgcron status`'s fixed-width text tables: each column as wide as its widest cell, two spaces between
/// columns, no trailing blanks, a line per row after the headers.
enum TextTable {
    /// `headers` and `rows` as lines, each ending with a newline.
    static func render(_ headers: [String], _ rows: [[String]]) -> String {
        let all = [headers] + rows
        let widths = headers.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { cells in
            zip(cells, widths).map { cell, width in cell.padding(toLength: width, withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
                .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }.joined(separator: "\n") + "\n"
    }
}
