import Foundation

/// How to run a `SandboxServer`: where it keeps its key and manifest, where it listens, what it serves.
public struct SandboxServerOptions: Sendable {
    /// Holds `server_key.pem`, `server_public.pem` and `sandbox.json`; created if missing.
    public var dataDirectory: URL
    /// The address every DC listens on and advertises.
    public var host: String
    /// The port of each DC (1, 2 and 3); 0 picks a free port.
    public var ports: [Int: Int]
    /// The world served.
    public var world: WorldSpec
    /// The world file `world` was read from, recorded in the manifest (nil for the built-in world).
    public var worldFile: String?
    /// Flood budgets.
    public var flood: FloodPolicy
    /// The simulated moment at start (nil: the wall clock's moment).
    public var origin: Date?
    /// Simulated seconds per wall-clock second (0 freezes the clock at `origin`).
    public var speed: Double
    /// Injected faults.
    public var faults: SandboxFaults
    /// Where to append the session log (JSON lines of account use per connection, see `SessionLog`), or nil.
    public var sessionLogPath: String?
    /// Receives one line per notable event (login codes sent); stderr in the CLI.
    public var log: @Sendable (String) -> Void

    /// Options for a sandbox keeping its files in `dataDirectory`; by default it serves the built-in
    /// world on 127.0.0.1 with free ports, Telegram-like flood budgets, real time and no faults.
    public init(
        dataDirectory: URL, host: String = "127.0.0.1", ports: [Int: Int] = [1: 0, 2: 0, 3: 0], world: WorldSpec = .builtIn,
        worldFile: String? = nil, flood: FloodPolicy = .telegramLike, origin: Date? = nil, speed: Double = 1,
        faults: SandboxFaults = SandboxFaults(), log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.dataDirectory = dataDirectory
        self.host = host
        self.ports = ports
        self.world = world
        self.worldFile = worldFile
        self.flood = flood
        self.origin = origin
        self.speed = speed
        self.faults = faults
        self.log = log
    }
}
