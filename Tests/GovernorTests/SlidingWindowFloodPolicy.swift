import Foundation

/// Telegram's flood limit for one method as clients observe it (and the sandbox server will apply it): at
/// most `limit` accepted requests in any sliding `window`; a request beyond that is refused with
/// FLOOD_WAIT_X, X the whole seconds until the oldest request in the window leaves it.
struct SlidingWindowFloodPolicy {
    /// What the server answers a request.
    enum Outcome: Equatable {
        case accepted
        case floodWait(seconds: Int)
    }

    let limit: Int
    let window: TimeInterval
    /// Accepted requests, oldest first; those before `oldest` have left the window.
    private var accepted: [Date] = []
    private var oldest = 0

    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// The answer to a request arriving at `now` (arrivals come in time order).
    mutating func receive(at now: Date) -> Outcome {
        while oldest < accepted.count, now.timeIntervalSince(accepted[oldest]) >= window {
            oldest += 1
        }
        guard accepted.count - oldest < limit else {
            let frees = accepted[oldest].addingTimeInterval(window).timeIntervalSince(now)
            return .floodWait(seconds: max(1, Int(frees.rounded(.up))))
        }
        accepted.append(now)
        return .accepted
    }
}
