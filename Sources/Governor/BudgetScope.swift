/// Whose daily budget: the account's, or one job's.
public enum BudgetScope: Sendable, Hashable {
    /// The budget shared by every job on the account.
    case account
    /// The budget of the job with this name.
    case job(String)
}
