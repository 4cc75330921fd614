import Foundation

/// When one run must stop, whatever is left to do: caps on its work and the instant it must end by.
public struct RunLimits: Sendable, Equatable {
    /// New messages archived in this run.
    public var messages: Int?
    /// API requests made in this run.
    public var requests: Int?
    /// The end of the run's duration limit.
    public var durationEnd: Date?
    /// The end of the job's run window (allowed hours).
    public var runWindowEnd: Date?

    /// Limits; the default has none.
    public init(messages: Int? = nil, requests: Int? = nil, durationEnd: Date? = nil, runWindowEnd: Date? = nil) {
        self.messages = messages
        self.requests = requests
        self.durationEnd = durationEnd
        self.runWindowEnd = runWindowEnd
    }

    /// Why a run that has archived `tally` by `now` must stop before its next request, or nil to go on.
    func stop(after tally: HarvestTally, now: Date) -> HarvestStop? {
        if let runWindowEnd, now >= runWindowEnd { return .deferred(.runWindowEnded(runWindowEnd)) }
        if let durationEnd, now >= durationEnd { return .limitReached(.duration) }
        if let messages, tally.new >= messages { return .limitReached(.messages(messages)) }
        if let requests, tally.requests >= requests { return .limitReached(.requests(requests)) }
        return nil
    }
}
