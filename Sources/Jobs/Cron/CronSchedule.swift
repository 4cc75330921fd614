import Foundation

/// When a job runs: a five-field cron expression, a macro such as `@daily`, or `@every 6h`.
///
/// Parse with `CronSchedule.parse(_:)`; ask for the next run with `nextFire(after:in:anchor:)` and
/// whether a run is owed with `isDue(lastRun:now:in:)`.
public struct CronSchedule: Hashable, Sendable, CustomStringConvertible {
    /// How the schedule decides its fire times.
    enum Rule: Hashable, Sendable {
        /// Wall-clock times in the job's time zone.
        case calendar(CalendarRule)
        /// A fixed interval in seconds, independent of time zones.
        case interval(seconds: Int)
    }

    /// The schedule as written in the job file.
    public let text: String
    let rule: Rule

    /// The schedule as written.
    public var description: String { text }

    /// For `@every` schedules, the interval between runs; nil for calendar schedules.
    public var interval: Duration? {
        guard case .interval(let seconds) = rule else { return nil }
        return .seconds(seconds)
    }
}
