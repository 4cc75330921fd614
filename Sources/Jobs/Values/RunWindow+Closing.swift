import Foundation

extension RunWindow {
    /// When a run that is inside the window at `date` must stop: the window's next closing, in `timeZone`.
    /// Nil if `date` is outside the window.
    public func closing(after date: Date, in timeZone: TimeZone) -> Date? {
        guard contains(date, in: timeZone) else { return nil }
        return Self.next(minuteOfDay: end, after: date, in: timeZone)
    }
}
