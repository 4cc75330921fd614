import Foundation
import Logging
import MTProto
import MTProtoCrypto
import MTProtoNIO

/// A running sandbox: DC 1, 2 and 3 as `MTProtoServer`s on loopback ports, answering from one
/// shared `SandboxState`, with the RSA key kept in the data directory and `sandbox.json` written
/// there for clients.
public final class SandboxServer: Sendable {
    /// What clients need to reach the server and reproduce its world.
    public let manifest: SandboxManifest
    private let servers: [MTProtoServer]
    private let host: SandboxHost

    private init(manifest: SandboxManifest, servers: [MTProtoServer], host: SandboxHost) {
        self.manifest = manifest
        self.servers = servers
        self.host = host
    }

    /// The port DC `dc` listens on.
    public func port(dc: Int) -> Int? {
        manifest.dcs[String(dc)]
    }

    /// Loads (or creates) the key, binds every DC and writes `sandbox.json`.
    public static func start(_ options: SandboxServerOptions) async throws(SandboxServerError) -> SandboxServer {
        let directory = options.dataDirectory
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(SandboxManifest.fileName))
        } catch {
            throw .dataDirectory(directory.path, error.localizedDescription)
        }
        let key = try ServerKeyFile.loadOrCreate(in: directory)
        let sessionLog: SessionLog?
        do {
            sessionLog = try options.sessionLogPath.map { try SessionLog(path: $0) }
        } catch {
            throw .dataDirectory(options.sessionLogPath ?? directory.path, "cannot open the session log: \(error.localizedDescription)")
        }
        let started = Date()
        let clock = SimulatedClock(origin: options.origin ?? started, started: started, speed: options.speed)
        var configuration = SandboxConfiguration(host: options.host, dcPorts: options.ports, flood: options.flood)
        configuration.fileReferenceExpiry = options.faults.fileReferenceExpiry
        // The busy fault draws from its own stream, so adding it leaves the transport faults' draws alone.
        let host = SandboxHost(api: SandboxAPI(world: World(spec: options.world), configuration: configuration),
                               clock: clock, busyProbability: options.faults.busyProbability,
                               seed: options.world.seed ^ 0xB05F, sessionLog: sessionLog, log: options.log)
        let serverConfiguration = ServerConfiguration(
            keyExchange: ServerKeyExchangeConfiguration(privateKeys: [key]),
            faults: options.faults.serverFaults(seed: options.world.seed))
        var logger = Logger(label: "tgcron.sandbox")
        logger.logLevel = .warning

        var servers: [MTProtoServer] = []
        for dc in options.ports.keys.sorted() {
            let port = options.ports[dc] ?? 0
            do {
                servers.append(try await MTProtoServer.start(
                    configuration: serverConfiguration, handler: SandboxDCHandler(dc: dc, host: host),
                    host: options.host, port: port, logger: logger))
            } catch {
                for server in servers { await server.shutdown() }
                throw .bind(dc: dc, port: port, "\(error)")
            }
        }
        let bound = Dictionary(uniqueKeysWithValues: zip(options.ports.keys.sorted(), servers.map(\.port)))
        await host.advertise(ports: bound)

        let manifest = SandboxManifest(
            host: options.host, dcs: Dictionary(uniqueKeysWithValues: bound.map { (String($0.key), $0.value) }),
            publicKeyPEM: try ServerKeyFile.pem(of: key, public: true), fingerprint: key.publicKey.fingerprint,
            fingerprintHex: String(UInt64(bitPattern: key.publicKey.fingerprint), radix: 16),
            seed: options.world.seed, worldFile: options.worldFile, flood: options.flood != .off,
            clock: .init(origin: clock.origin.timeIntervalSince1970, started: started.timeIntervalSince1970, speed: clock.speed),
            world: .init(options.world), pid: ProcessInfo.processInfo.processIdentifier)
        let server = SandboxServer(manifest: manifest, servers: servers, host: host)
        do {
            try AtomicFile.write(try manifest.jsonText(), to: directory.appendingPathComponent(SandboxManifest.fileName), mode: 0o644)
        } catch {
            await server.shutdown()
            throw error as? SandboxServerError ?? .dataDirectory(directory.path, "\(error)")
        }
        return server
    }

    /// How often each transport fault struck, summed over both DCs.
    public var faultCounts: ServerFaultCounts {
        get async {
            var total = ServerFaultCounts()
            for server in servers {
                let counts = await server.faultCounts
                total.droppedConnections += counts.droppedConnections
                total.saltRotations += counts.saltRotations
                total.badSaltNotices += counts.badSaltNotices
                total.badTimeNotices += counts.badTimeNotices
                total.delayedReplies += counts.delayedReplies
            }
            return total
        }
    }

    /// How many requests the `busy` fault answered with 500 `WORKER_BUSY_TOO_LONG_RETRY`.
    public var busyAnswerCount: Int {
        get async { await host.busyAnswerCount }
    }

    /// Stops both DCs, closing every connection.
    public func shutdown() async {
        for server in servers { await server.shutdown() }
    }
}
