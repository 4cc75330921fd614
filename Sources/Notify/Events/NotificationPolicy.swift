import Foundation

/// Decides which events become notifications and rate-limits them: at most one per subject (job) and kind
/// per `minInterval`, so a job failing every five minutes pages once an hour, not twelve times.
///
/// A value with no clock of its own: callers pass the time, so tests drive it with any dates.
public struct NotificationPolicy: Sendable {
    /// Deferred runs in a row before a deferral is worth a notification.
    public var deferralsThreshold: Int
    /// The shortest FLOOD_WAIT, in seconds, worth a notification.
    public var floodWaitThreshold: Int
    /// The least time between two notifications of the same kind about the same subject.
    public var minInterval: Duration
    private var lastSent: [Key: Date] = [:]

    private struct Key: Hashable {
        var kind: NotificationKind
        var subject: String
    }

    /// A policy; by default 3 deferrals in a row, flood waits of 10 minutes or more, one an hour.
    public init(deferralsThreshold: Int = 3, floodWaitThreshold: Int = 600, minInterval: Duration = .seconds(3600)) {
        self.deferralsThreshold = deferralsThreshold
        self.floodWaitThreshold = floodWaitThreshold
        self.minInterval = minInterval
    }

    /// Whether `event`, happening at `now`, should be sent; if so it counts towards the rate limit.
    public mutating func admit(_ event: NotificationEvent, at now: Date) -> Bool {
        guard isWorthSending(event) else { return false }
        let key = Key(kind: event.kind, subject: event.subject)
        let interval = Double(minInterval.components.seconds) + Double(minInterval.components.attoseconds) / 1e18
        if let last = lastSent[key], now.timeIntervalSince(last) < interval { return false }
        lastSent[key] = now
        return true
    }

    private func isWorthSending(_ event: NotificationEvent) -> Bool {
        switch event {
        case .jobFailed, .archiveDamaged, .accountRefused: true
        case let .jobDeferred(_, consecutive, _): consecutive >= deferralsThreshold
        case let .floodWait(_, seconds): seconds >= floodWaitThreshold
        }
    }
}
