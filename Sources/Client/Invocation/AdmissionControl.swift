import Governor

/// What admission control says about one call.
public enum AdmissionDecision: Sendable, Equatable {
    /// Call after waiting this many seconds (0: now).
    case proceed(after: Double)
    /// Do not call now, for `reason` (which says until when).
    case `defer`(reason: DeferralReason)
}

/// How an admitted call ended, as admission control hears it after each attempt.
public enum CallOutcome: Sendable, Equatable {
    /// The server answered the call.
    case success
    /// The server answered `FLOOD_WAIT_X` (or another `…_WAIT_X`): leave the method alone for `seconds`.
    case floodWait(seconds: Int)
    /// The call failed some other way (an RPC error, the connection, a cancellation): nothing to learn
    /// about rates.
    case failed
}

/// Decides whether a call may go out now, and hears how it went: the seam where the scheduler plugs in the
/// rate governor.
public protocol AdmissionControl: Sendable {
    /// Asks to call `method` (a TL name such as `messages.getHistory`).
    func admit(method: String) async throws -> AdmissionDecision

    /// Hears how a call of `method` admitted by `admit` ended; called once per admitted attempt. The
    /// default does nothing.
    func completed(method: String, outcome: CallOutcome) async
}

extension AdmissionControl {
    /// Ignores the outcome: admission controls that do not adapt need not implement it.
    public func completed(method: String, outcome: CallOutcome) async {}
}

/// Admits every call at once.
public struct UnlimitedAdmission: AdmissionControl {
    /// Admission that never waits or defers.
    public init() {}

    /// Always `.proceed(after: 0)`.
    public func admit(method: String) async throws -> AdmissionDecision {
        .proceed(after: 0)
    }
}
