import Foundation

/// The rate governor every API call asks first: token buckets per account and method class, human-like
/// irregular gaps between calls, rates that adapt to FLOOD_WAIT, and daily warm-up budgets, all kept in a shared store.
///
/// The caller supplies the time of every decision (`at:`), so the governor never reads a clock and a test
/// can replay a day in milliseconds. A client's invocation middleware uses it like this: `admit` before
/// each call, sleep for `.proceed(after:)`, call, then `recordSuccess` or `recordFloodWait`; on
/// `.defer`, do not call (a `.budget` deferral means stop the job for today).
///
/// `@unchecked Sendable`: the only mutable member, `random`, is used only while `randomLock` is held.
public final class RateGovernor: @unchecked Sendable {
    /// The validated configuration.
    public let configuration: GovernorConfiguration
    private let store: any GovernorStateStore
    private let calendar: LocalCalendar
    private let randomLock = NSLock()
    private var random: any RandomNumberGenerator

    /// A governor over `store`, drawing human delays from `random`.
    ///
    /// Throws when `configuration` does not validate.
    public init(
        configuration: GovernorConfiguration, store: any GovernorStateStore,
        random: any RandomNumberGenerator = SystemRandomNumberGenerator()
    ) throws(GovernorConfigurationError) {
        try configuration.validate()
        self.configuration = configuration
        self.store = store
        self.random = random
        calendar = LocalCalendar(timeZone: configuration.timeZone)
    }

    /// Decides whether the call in `request`, asked for at `now`, may go ahead, and after how long.
    public func admit(_ request: AdmissionRequest, at now: Date) throws(GovernorStoreError) -> Admission {
        let pace = drawUnit()
        return try store.update { state in
            state.admit(request, at: now, pace: pace, configuration: configuration, calendar: calendar)
        }
    }

    /// Reports that a call of `methodClass` succeeded at `now`; sustained success restores a cut rate.
    public func recordSuccess(_ methodClass: MethodClass, at now: Date) throws(GovernorStoreError) {
        try store.update { state in
            state.recordSuccess(methodClass, at: now, configuration: configuration)
        }
    }

    /// Reports a `FLOOD_WAIT_X` (X = `seconds`) for a call of `methodClass` answered at `now`: the class
    /// cools down until `now + seconds` and its rate is cut.
    public func recordFloodWait(_ methodClass: MethodClass, seconds: Int, at now: Date) throws(GovernorStoreError) {
        try store.update { state in
            state.recordFloodWait(methodClass, seconds: seconds, at: now, configuration: configuration)
        }
    }

    /// A number drawn uniformly in [0, 1), which places the next call's gap (`GovernorConfiguration.humanGap`).
    private func drawUnit() -> Double {
        let bits = randomLock.withLock { random.next() }
        return Double(bits >> 11) * 0x1p-53  // the top 53 bits: uniform in [0, 1)
    }
}
