import Foundation

extension CronSchedule {
    /// Whether a job with this schedule should run now: the misfire policy.
    ///
    /// - A job that never ran (`lastRun == nil`) is due at once, so a new job starts on the next
    ///   scheduler tick instead of waiting up to a day (its run window still applies).
    /// - Otherwise it is due when at least one fire time has passed since its last run. However
    ///   many were missed (the machine was off, the previous run overran), it is due once, not once
    ///   per missed time, as systemd's `Persistent=true` timers behave.
    public func isDue(lastRun: Date?, now: Date, in timeZone: TimeZone) -> Bool {
        guard let lastRun else { return true }
        guard let next = nextFire(after: lastRun, in: timeZone, anchor: lastRun) else { return false }
        return next <= now
    }

    /// When a job with this schedule is next due: `now` if it is due already, otherwise its next fire
    /// time after the last run; nil if it never fires again. The scheduler sleeps until then.
    public func nextDue(lastRun: Date?, now: Date, in timeZone: TimeZone) -> Date? {
        guard let lastRun else { return now }
        guard let next = nextFire(after: lastRun, in: timeZone, anchor: lastRun) else { return nil }
        return max(next, now)
    }
}
