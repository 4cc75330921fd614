/// What admission control says about one call.
public enum AdmissionDecision: Sendable, Equatable {
    /// Call after waiting this many seconds (0: now).
    case proceed(after: Double)
    /// Do not call now; the reason is for the log.
    case `defer`(reason: String)
}

/// Decides whether a call may go out now: the seam where the scheduler plugs in the rate governor.
public protocol AdmissionControl: Sendable {
    /// Asks to call `method` (a TL name such as `messages.getHistory`).
    func admit(method: String) async throws -> AdmissionDecision
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
