/// The `runners:` block: how runners sharing one archive (`tgcron daemon --runner NAME`) hold accounts.
public struct RunnerSettings: Hashable, Sendable {
    /// How long an account's lease lasts without renewal (`runners.lease_ttl`, default 30 s): a runner that
    /// dies leaves its accounts to the others after this long; a live one renews every third of it.
    public var leaseTTL: Duration

    /// Settings with the defaults.
    public init(leaseTTL: Duration = .seconds(30)) {
        self.leaseTTL = leaseTTL
    }
}
