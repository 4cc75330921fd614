import Foundation

/// Why the governor declined a call, with the instant the caller may try again.
public enum DeferralReason: Sendable, Equatable {
    /// A daily warm-up budget is spent; it renews at `until`, the next local midnight. The job should stop
    /// cleanly and resume on a later run.
    case budget(scope: BudgetScope, until: Date)
    /// The server answered FLOOD_WAIT for this class and the cool-down lasts until `until`, beyond the
    /// caller's maximum wait.
    case coolDown(until: Date)
    /// The class's or the account's bucket has no token before `until`, beyond the caller's maximum wait.
    case rateLimit(until: Date)
}
