import Foundation
@testable import Governor

/// Jobs paging through history as fast as the governor lets them, against a `SlidingWindowFloodPolicy`
/// server, on a simulated clock: a discrete-event simulation in which every request, arrival and answer
/// happens in time order.
struct HistorySimulation {
    /// What a simulated span produced.
    struct Result {
        /// Requests the server accepted.
        var accepted = 0
        /// FLOOD_WAITs the server answered.
        var floods = 0
        /// Admissions the governor deferred.
        var deferrals = 0
    }

    /// Where a job is in its loop; each job has exactly one pending event.
    private enum Step {
        case ask
        case arrive
        case answer(SlidingWindowFloodPolicy.Outcome)
    }

    let governor: RateGovernor
    var server: SlidingWindowFloodPolicy
    /// One-way network latency, drawn per request.
    let latency: ClosedRange<TimeInterval>
    /// The longest a job sleeps before a call.
    let maxWait: TimeInterval = 60
    var random = SeededRandom(seed: 7)

    /// Runs `jobs` jobs from `start` for `duration` seconds.
    mutating func run(jobs: Int, from start: Date, for duration: TimeInterval) throws -> Result {
        let end = start.addingTimeInterval(duration)
        var pending: [(at: Date, step: Step)] = Array(repeating: (start, .ask), count: jobs)
        var result = Result()
        while let job = pending.indices.min(by: { pending[$0].at < pending[$1].at }), pending[job].at < end {
            let now = pending[job].at
            switch pending[job].step {
            case .ask:
                let request = AdmissionRequest(method: "messages.getHistory", job: "job\(job)", maxWait: maxWait)
                switch try governor.admit(request, at: now) {
                case .proceed(let delay):
                    pending[job] = (now.addingTimeInterval(delay + oneWay()), .arrive)
                case .defer(let reason):
                    result.deferrals += 1
                    pending[job] = (Self.retryTime(reason, now: now), .ask)
                }
            case .arrive:
                let outcome = server.receive(at: now)
                if outcome == .accepted { result.accepted += 1 } else { result.floods += 1 }
                pending[job] = (now.addingTimeInterval(oneWay()), .answer(outcome))
            case .answer(.accepted):
                try governor.recordSuccess(.history, at: now)
                pending[job] = (now, .ask)
            case .answer(.floodWait(let seconds)):
                try governor.recordFloodWait(.history, seconds: seconds, at: now)
                pending[job] = (now, .ask)
            }
        }
        return result
    }

    private mutating func oneWay() -> TimeInterval {
        TimeInterval.random(in: latency, using: &random)
    }

    private static func retryTime(_ reason: DeferralReason, now: Date) -> Date {
        switch reason {
        case .budget(_, let until), .coolDown(let until), .rateLimit(let until): max(until, now.addingTimeInterval(1))
        }
    }
}
