import Foundation
import Timekeeping

/// The local hours in which a job may run (`run_window: "01:00-05:00"`); it may wrap past midnight
/// (`"22:00-04:00"`). The start is inclusive, the end exclusive.
public struct RunWindow: Hashable, Sendable, CustomStringConvertible {
    /// Minutes after local midnight at which the window opens.
    public let start: Int
    /// Minutes after local midnight at which the window closes.
    public let end: Int

    /// The window as written in job files, `HH:MM-HH:MM`.
    public var description: String {
        "\(Self.clock(start))-\(Self.clock(end))"
    }

    /// Whether `date` falls inside the window, reading the wall clock in `timeZone`.
    public func contains(_ date: Date, in timeZone: TimeZone) -> Bool {
        let local = LocalMinute(date, in: timeZone)
        let minute = local.hour * 60 + local.minute
        return start < end ? (start..<end).contains(minute) : (minute >= start || minute < end)
    }

    /// When a job that is due at `date` may start: `date` itself if the window is open then,
    /// otherwise the window's next opening (a start time skipped by a DST jump opens once the
    /// clocks have jumped).
    public func nextOpening(after date: Date, in timeZone: TimeZone) -> Date {
        guard !contains(date, in: timeZone) else { return date }
        return Self.next(minuteOfDay: start, after: date, in: timeZone) ?? date
    }

    /// The first instant after `date` at which the local clock in `timeZone` reads `minuteOfDay` (a time
    /// skipped by a DST jump counts once the clocks have jumped); nil if none within three days.
    static func next(minuteOfDay: Int, after date: Date, in timeZone: TimeZone) -> Date? {
        let today = LocalMinute(date, in: timeZone)
        let day = CivilDate.daysSinceEpoch(year: today.year, month: today.month, day: today.day)
        for offset in 0...2 {
            let civil = CivilDate.date(daysSinceEpoch: day + offset)
            let instant = timeZone.instant(for: LocalMinute(year: civil.year, month: civil.month, day: civil.day,
                                                            hour: minuteOfDay / 60, minute: minuteOfDay % 60))
            if instant > date { return instant }
        }
        return nil
    }

    /// Reads `HH:MM-HH:MM` with 24-hour times; start and end must differ.
    public init(parsing text: String) throws(RunWindowError) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw .malformed(text) }
        let start = try Self.minutes(parts[0].trimmingCharacters(in: .whitespaces), in: text)
        let end = try Self.minutes(parts[1].trimmingCharacters(in: .whitespaces), in: text)
        guard start != end else { throw .empty(text) }
        self.start = start
        self.end = end
    }

    /// Minutes after midnight for `H:MM` or `HH:MM`.
    private static func minutes(_ clock: String, in text: String) throws(RunWindowError) -> Int {
        let parts = clock.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let hour = Int(parts[0]), let minute = Int(parts[1]) else { throw .malformed(text) }
        guard hour < 24, minute < 60 else { throw .invalidTime(clock) }
        return hour * 60 + minute
    }

    private static func clock(_ minutes: Int) -> String {
        let hour = minutes / 60
        let minute = minutes % 60
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }
}
