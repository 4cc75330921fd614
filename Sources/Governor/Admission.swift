import Foundation

/// The governor's answer to an `AdmissionRequest`.
public enum Admission: Sendable, Equatable {
    /// Sleep this many seconds, then make the call. Its tokens and budget are already spent, so calling
    /// sooner, or asking again instead of calling, would take more than the limits allow.
    case proceed(after: TimeInterval)
    /// Do not call now: nothing was spent, and the reason says until when (and whether to stop the job).
    case `defer`(reason: DeferralReason)
}
