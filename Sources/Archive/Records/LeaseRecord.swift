import Foundation

/// A row of `account_leases` held by a runner: which runner may use the account, and until when.
public struct LeaseRecord: Codable, Equatable, Sendable {
    /// The account (its name in the settings; "default" for the unnamed one).
    public var account: String
    /// The runner holding it.
    public var runner: String
    /// When that runner took it.
    public var acquiredAt: Date
    /// When it last renewed it.
    public var renewedAt: Date
    /// When it expires unless renewed.
    public var expiresAt: Date
    /// Seconds until then, by the archive's clock (PostgreSQL) or the caller's (SQLite); negative once expired.
    public var expiresIn: Double

    /// A record.
    public init(account: String, runner: String, acquiredAt: Date, renewedAt: Date, expiresAt: Date, expiresIn: Double) {
        self.account = account
        self.runner = runner
        self.acquiredAt = acquiredAt
        self.renewedAt = renewedAt
        self.expiresAt = expiresAt
        self.expiresIn = expiresIn
    }
}
