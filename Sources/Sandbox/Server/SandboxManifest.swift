import Foundation

/// `sandbox.json` in the data directory: everything a client needs to reach a running sandbox
/// (host, ports, RSA key) and to reproduce its world (seed, world file, clock).
public struct SandboxManifest: Codable, Sendable, Equatable {
    /// The file name in the data directory.
    public static let fileName = "sandbox.json"

    /// The address the DCs listen on.
    public var host: String
    /// The port of each DC, by DC id ("1", "2").
    public var dcs: [String: Int]
    /// The server's RSA public key, PKCS#1 PEM.
    public var publicKeyPEM: String
    /// The key's fingerprint as MTProto computes it (signed 64-bit, as `resPQ` lists it).
    public var fingerprint: Int64
    /// The same fingerprint as 16 hex digits.
    public var fingerprintHex: String
    /// The world's seed.
    public var seed: UInt64
    /// The world file served, nil for the built-in world.
    public var worldFile: String?
    /// Whether flood budgets are enforced.
    public var flood: Bool
    /// The simulated clock.
    public var clock: Clock
    /// The channels and accounts served.
    public var world: Summary
    /// The serving process.
    public var pid: Int32

    /// The simulated clock of a running sandbox.
    public struct Clock: Codable, Sendable, Equatable {
        /// The simulated moment at start, unix seconds.
        public var origin: Double
        /// The wall-clock start, unix seconds.
        public var started: Double
        /// Simulated seconds per wall-clock second (0: frozen).
        public var speed: Double

        /// The clock as a `SimulatedClock`.
        public var simulated: SimulatedClock {
            SimulatedClock(
                origin: Date(timeIntervalSince1970: origin), started: Date(timeIntervalSince1970: started), speed: speed)
        }
    }

    /// What the world holds.
    public struct Summary: Codable, Sendable, Equatable {
        /// The world's genesis, unix seconds.
        public var genesis: Int64
        /// The channels.
        public var channels: [Channel]
        /// The accounts.
        public var accounts: [Account]
    }

    /// One channel of the summary.
    public struct Channel: Codable, Sendable, Equatable {
        /// The username, without `@`.
        public var username: String
        /// The title.
        public var title: String
        /// Message ids at genesis.
        public var size: Int
    }

    /// One account of the summary.
    public struct Account: Codable, Sendable, Equatable {
        /// The phone, digits only.
        public var phone: String
        /// The first name.
        public var firstName: String
        /// The home DC.
        public var dc: Int
        /// The login code `auth.signIn` accepts.
        public var code: String
        /// Whether the account has a 2FA password.
        public var hasPassword: Bool
        /// Whether `auth.sendCode` refuses it.
        public var banned: Bool

        private enum CodingKeys: String, CodingKey {
            case phone, firstName = "first_name", dc, code, hasPassword = "has_password", banned
        }
    }

    private enum CodingKeys: String, CodingKey {
        case host, dcs, publicKeyPEM = "public_key_pem", fingerprint, fingerprintHex = "fingerprint_hex", seed
        case worldFile = "world_file", flood, clock, world, pid
    }

    /// Reads the manifest in `directory`.
    public static func read(from directory: URL) throws -> SandboxManifest {
        let data = try Data(contentsOf: directory.appendingPathComponent(fileName))
        return try JSONDecoder().decode(SandboxManifest.self, from: data)
    }

    /// The manifest as pretty-printed JSON text with sorted keys.
    func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}

extension SandboxManifest.Summary {
    /// The summary of `spec`.
    init(_ spec: WorldSpec) {
        genesis = Int64(spec.genesis.timeIntervalSince1970)
        channels = spec.channels.map { .init(username: $0.username, title: $0.title, size: $0.size) }
        accounts = spec.accounts.map {
            .init(phone: $0.phone, firstName: $0.firstName, dc: $0.homeDC, code: AccountSpec.loginCode(phone: $0.phone),
                  hasPassword: $0.password != nil, banned: $0.banned)
        }
    }
}
