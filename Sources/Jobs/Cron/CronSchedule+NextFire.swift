import Foundation

extension CronSchedule {
    /// The Unix epoch, the anchor of `@every` schedules that have never run.
    public static let defaultAnchor = Date(timeIntervalSince1970: 0)

    /// Calendar years searched ahead for a match; a leap day can be up to eight years away
    /// (2096-02-29, then 2104-02-29).
    private static let searchYears = 8

    /// The first fire time strictly after `date`, or nil if the schedule never fires again.
    ///
    /// Calendar schedules read wall-clock time in `timeZone`:
    /// - a time skipped by a spring-forward fires once, at the first instant after the gap
    ///   (`30 2 * * *` on 2025-03-30 in Europe/Berlin fires at 03:00 CEST);
    /// - a time repeated by a fall-back fires once, at its first occurrence (so on that day
    ///   `*/15 * * * *` pauses for the repeated hour: use `@every 15m` for strict intervals).
    ///
    /// `@every` schedules fire at `anchor + k × interval` (the last run, or the epoch when nil) and
    /// ignore the time zone.
    public func nextFire(after date: Date, in timeZone: TimeZone, anchor: Date? = nil) -> Date? {
        switch rule {
        case .interval(let seconds):
            let origin = (anchor ?? Self.defaultAnchor).timeIntervalSince1970
            let elapsed = date.timeIntervalSince1970 - origin
            let steps = (elapsed / Double(seconds)).rounded(.down) + 1
            return Date(timeIntervalSince1970: origin + steps * Double(seconds))
        case .calendar(let calendar):
            let start = LocalMinute(date, in: timeZone).next
            return calendar.firstMatch(from: start, years: Self.searchYears) { local in
                let instant = timeZone.instant(for: local)
                return instant > date ? instant : nil
            }
        }
    }
}
