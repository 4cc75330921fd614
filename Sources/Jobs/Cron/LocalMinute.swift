import Foundation
import Timekeeping

/// A wall-clock minute in some time zone: a civil date and a time of day, without an offset.
///
/// A local minute may name no instant (skipped by a spring-forward) or two (repeated by a fall-back);
/// `TimeZone.instant(for:)` decides which instant it means.
struct LocalMinute: Hashable, Sendable {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int

    /// The wall-clock minute that `date` falls in, in `timeZone` (seconds are dropped).
    init(_ date: Date, in timeZone: TimeZone) {
        let utcSeconds = Int(date.timeIntervalSince1970.rounded(.down))
        let local = utcSeconds + timeZone.secondsFromGMT(for: date)
        let days = local.floorDivided(by: 86_400)
        let secondOfDay = local - days * 86_400
        let civil = CivilDate.date(daysSinceEpoch: days)
        self.init(year: civil.year, month: civil.month, day: civil.day,
                  hour: secondOfDay / 3600, minute: secondOfDay % 3600 / 60)
    }

    /// A local minute from its parts; the caller keeps them in range.
    init(year: Int, month: Int, day: Int, hour: Int, minute: Int) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
    }

    /// Seconds from 1970-01-01 00:00 to this wall-clock time, as if the zone were UTC.
    var secondsAsIfUTC: Int {
        CivilDate.daysSinceEpoch(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60
    }

    /// The next wall-clock minute, carrying into hours, days, months and years.
    var next: LocalMinute {
        let seconds = secondsAsIfUTC + 60
        let days = seconds.floorDivided(by: 86_400)
        let civil = CivilDate.date(daysSinceEpoch: days)
        let secondOfDay = seconds - days * 86_400
        return LocalMinute(year: civil.year, month: civil.month, day: civil.day,
                           hour: secondOfDay / 3600, minute: secondOfDay % 3600 / 60)
    }
}

extension Int {
    /// Division rounding towards negative infinity, for dates before the epoch.
    func floorDivided(by divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
