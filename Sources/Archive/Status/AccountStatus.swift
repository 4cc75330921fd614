import Foundation

/// One account as `tgcron status` shows it: its login and how many jobs use it.
public struct AccountStatus: Codable, Equatable, Sendable {
    /// The account's name.
    public var name: String
    /// The logged-in user's id, or nil before a login.
    public var userId: Int64?
    /// The account's home DC, or nil before a login.
    public var homeDc: Int32?
    /// Why the account needs a new login, or nil if it does not.
    public var loginNeeded: String?
    /// The enabled jobs that run under the account.
    public var jobs: Int
    /// When the account's rate governor last changed its state (its last admitted call), or nil if never.
    public var lastCall: Date?

    /// The status of account `name` in `store`, used by `jobs` enabled jobs.
    public init(name: String, store: any ClientStateStorage, jobs: Int) throws(ArchiveError) {
        self.name = name
        let session = try store.session(named: name)
        userId = session?.userId
        homeDc = session?.homeDc
        loginNeeded = try store.loginNeeded(session: name)?.reason
        self.jobs = jobs
        // An archive opened read-only before `v10-accounts` keeps one state, without account names: no last
        // call is shown for it rather than failing the whole status.
        lastCall = (try? store.governorState(account: name))??.updatedAt
    }

    /// The accounts' table: name, login, jobs, last call.
    static func table(_ accounts: [AccountStatus], date: (Date?) -> String) -> String {
        let headers = ["ACCOUNT", "LOGIN", "JOBS", "LAST CALL"]
        let lines = accounts.map { account -> [String] in
            let login = account.loginNeeded.map { "needed: \($0)" }
                ?? account.userId.map { "user \($0) on DC \(account.homeDc.map(String.init) ?? "?")" } ?? "none"
            return [account.name, login, String(account.jobs), date(account.lastCall)]
        }
        return TextTable.render(headers, lines)
    }
}
