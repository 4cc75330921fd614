import Foundation

/// The runners sharing the archive, their leases on accounts and the accounts with jobs, for `tgcron status`.
public struct RunnersReport: Codable, Equatable, Sendable {
    /// Every runner known, with whether it heartbeat within the lease TTL.
    public var runners: [Runner]
    /// Every lease held.
    public var leases: [LeaseRecord]
    /// The accounts the jobs name, and which runner holds each (nil: none).
    public var accounts: [Account]

    /// A runner as the report shows it.
    public struct Runner: Codable, Equatable, Sendable {
        /// Its record.
        public var record: RunnerRecord
        /// Whether it heartbeat within the lease TTL.
        public var live: Bool
    }

    /// An account as the report shows it.
    public struct Account: Codable, Equatable, Sendable {
        /// Its name.
        public var name: String
        /// The runner holding its lease, or nil.
        public var runner: String?
    }

    /// The report of `runners` and `leases` for `accounts`, runners being live within `ttl` seconds.
    public init(runners: [RunnerRecord], leases: [LeaseRecord], accounts: [String], ttl: Double) {
        self.runners = runners.map { Runner(record: $0, live: $0.isLive(ttl: ttl)) }
        self.leases = leases
        self.accounts = accounts.map { name in Account(name: name, runner: leases.first { $0.account == name && $0.expiresIn > 0 }?.runner) }
    }

    /// Three small tables: runners, leases, accounts.
    public func table() -> String {
        let ago = { (seconds: Double) in String(format: "%.1fs ago", seconds) }
        let runnerLines = runners.map { runner in
            [runner.record.name, runner.record.host, String(runner.record.pid), ago(runner.record.heartbeatAge), runner.live ? "live" : "gone"]
        }
        let leaseLines = leases.map { lease in
            [lease.account, lease.runner, lease.expiresIn > 0 ? String(format: "in %.1fs", lease.expiresIn) : "expired"]
        }
        let accountLines = accounts.map { [$0.name, $0.runner ?? "-"] }
        return "\n" + TextTable.render(["RUNNER", "HOST", "PID", "HEARTBEAT", "STATE"], runnerLines)
            + "\n" + TextTable.render(["ACCOUNT", "LEASED BY", "EXPIRES"], leaseLines)
            + "\n" + TextTable.render(["ACCOUNT", "RUNNER"], accountLines)
    }
}
