import Foundation
import GRDB

/// One instant formatted as GRDB stores dates (`yyyy-MM-dd HH:mm:ss.SSS`, UTC), so a page commit formats its
/// `now` once rather than once per column of every row.
struct DatabaseDateText {
    /// The instant.
    let date: Date
    /// Its stored text.
    let text: String

    init(_ date: Date) {
        self.date = date
        text = Self.format(date)
    }

    /// The stored text of `other`: this one's when it is the same instant.
    func text(for other: Date) -> String {
        other == date ? text : Self.format(other)
    }

    private static func format(_ date: Date) -> String {
        String.fromDatabaseValue(date.databaseValue) ?? ""
    }
}
