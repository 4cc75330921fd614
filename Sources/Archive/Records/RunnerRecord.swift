import Foundation

/// A row of `runners`: one `tgcron daemon --runner NAME` process sharing the archive.
public struct RunnerRecord: Codable, Equatable, Sendable {
    /// The runner's name (`--runner`).
    public var name: String
    /// The machine it runs on.
    public var host: String
    /// Its process id on that machine.
    public var pid: Int32
    /// When it started.
    public var startedAt: Date
    /// When it last said it was alive.
    public var heartbeatAt: Date
    /// Seconds since its heartbeat, by the archive's clock (PostgreSQL) or the caller's (SQLite).
    public var heartbeatAge: Double

    /// A record.
    public init(name: String, host: String, pid: Int32, startedAt: Date, heartbeatAt: Date, heartbeatAge: Double) {
        self.name = name
        self.host = host
        self.pid = pid
        self.startedAt = startedAt
        self.heartbeatAt = heartbeatAt
        self.heartbeatAge = heartbeatAge
    }

    /// Whether it heartbeat within the last `ttl` seconds.
    public func isLive(ttl: Double) -> Bool { heartbeatAge < ttl }
}
