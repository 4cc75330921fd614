import Client
import Foundation
import Logging
import MTProto
import MTProtoCrypto
import MTProtoNIO
import Sandbox
import TL
import Timekeeping

/// The sandbox's DC 1, 2 and 3 over loopback MTProto, on the test's simulated clock: when the client sleeps
/// through a flood wait, the server sees that time pass too. (`SandboxServer` runs on its own
/// clock, so the tests host `SandboxAPI` themselves.)
public final class LoopbackSandbox: Sendable {
    /// One day after the built-in world's genesis, so the served history and the truth agree.
    public static let moment = WorldSpec.builtIn.genesis.addingTimeInterval(86_400)
    /// The built-in world's key, made once per test run (RSA generation takes a while).
    public static let serverKey: RSAPrivateKey = {
        do {
            return try RSAPrivateKey.generate()
        } catch {
            fatalError("cannot generate the test server key: \(error)")
        }
    }()

    public let world: World
    public let clock: SimulatedProgramClock
    public let audit = RecordingAuditSink()
    public let floodObserver = RecordingFloodObserver()
    private let servers: [Int: MTProtoServer]
    private let host: Host

    /// Serves `spec` (the built-in world by default) with `flood` budgets and `faults` injected, and the
    /// connection-level `serverFaults` (drops, salt rotation…) on every DC, and file references expiring on
    /// `upload.getFile` with probability `fileReferenceExpiry`; `help.getConfig` advertises the real loopback
    /// ports of DC 1, 2 and 3.
    public static func start(
        spec: WorldSpec = .builtIn, flood: FloodPolicy = .off, faults: [InjectedFault] = [],
        serverFaults: ServerFaults = ServerFaults(), fileReferenceExpiry: Double = 0
    ) async throws -> LoopbackSandbox {
        let world = World(spec: spec)
        let clock = SimulatedProgramClock(now: spec.genesis.addingTimeInterval(86_400).timeIntervalSince1970)
        var configuration = SandboxConfiguration(flood: flood)
        configuration.fileReferenceExpiry = fileReferenceExpiry
        let host = Host(world: world, configuration: configuration, clock: clock)
        for fault in faults { await host.inject(fault) }
        var logger = Logger(label: "tgcron.test.client-sandbox")
        logger.logLevel = .critical
        var servers: [Int: MTProtoServer] = [:]
        for dc in [1, 2, 3] {
            servers[dc] = try await MTProtoServer.start(
                configuration: ServerConfiguration(
                    keyExchange: ServerKeyExchangeConfiguration(privateKeys: [serverKey]), faults: serverFaults),
                handler: Handler(dc: dc, host: host), logger: logger)
        }
        await host.advertise(ports: servers.mapValues(\.port))
        return LoopbackSandbox(world: world, clock: clock, servers: servers, host: host)
    }

    private init(world: World, clock: SimulatedProgramClock, servers: [Int: MTProtoServer], host: Host) {
        self.world = world
        self.clock = clock
        self.servers = servers
        self.host = host
    }

    /// A new connection to DC `dc` (Alice's home is DC 2).
    public func connection(dc: Int = 2, storage: any AuthKeyStorage = InMemoryAuthKeyStorage()) -> MTProtoConnection {
        var logger = Logger(label: "tgcron.test.client")
        logger.logLevel = .critical
        let configuration = ConnectionConfiguration(
            dataCenterID: dc, host: "127.0.0.1", port: servers[dc]?.port ?? 0, transport: .obfuscatedPaddedIntermediate,
            keyExchange: ClientKeyExchangeConfiguration(publicKeys: [Self.serverKey.publicKey], innerData: .permanent(dc: Int32(dc))),
            connectTimeout: .seconds(5), keyExchangeTimeout: .seconds(10))
        return MTProtoConnection(configuration: configuration, authKeyStorage: storage, logger: logger)
    }

    /// The full pipeline over `connection`, auditing to `audit` on the simulated clock.
    public func invoker(over connection: MTProtoConnection, floodWaitMax: Duration = .seconds(300)) -> any Invoker {
        InvocationPipeline(audit: audit, floodObserver: floodObserver, clock: clock, floodWaitMax: floodWaitMax)
            .wrap(ConnectionInvoker(connection: connection, identity: ClientIdentity(apiID: 1, apiHash: "test"), timeout: .seconds(10)))
    }

    /// Logs Alice in (phone 9996621234, code 22222) on `invoker`'s connection.
    public func logInAlice(_ invoker: any Invoker) async throws {
        let sent = try await invoker.invoke(
            Api.Auth.SendCode(phoneNumber: "9996621234", apiId: 1, apiHash: "test", settings: .init()))
        guard case .sentCode(let code) = sent else { throw LoopbackSandboxError.unexpectedAnswer("auth.sendCode") }
        _ = try await invoker.invoke(Api.Auth.SignIn(phoneNumber: "9996621234", phoneCodeHash: code.phoneCodeHash, phoneCode: "22222"))
    }

    /// The loopback port of DC `dc` (0 if it is not served).
    public func port(dc: Int) -> Int {
        servers[dc]?.port ?? 0
    }

    /// Injects `fault` into the running sandbox.
    public func inject(_ fault: InjectedFault) async {
        await host.inject(fault)
    }

    /// The messages the server holds for `username` at the current simulated time, ascending.
    public func truth(_ username: String) -> [Api.Message] {
        guard let channel = world.channel(username: username) else { return [] }
        return Array(world.truth(channel: channel, at: Date(timeIntervalSince1970: clock.now())))
    }

    /// The ids of `truth(username)`.
    public func truthIDs(_ username: String) -> [Int] {
        truth(username).map(\.messageID)
    }

    public func shutdown() async {
        for server in servers.values { await server.shutdown() }
    }

    /// The shared state, answering one request at a time at the simulated now.
    private actor Host {
        var api: SandboxAPI
        let clock: SimulatedProgramClock
        var state = SandboxState()

        init(world: World, configuration: SandboxConfiguration, clock: SimulatedProgramClock) {
            self.clock = clock
            api = SandboxAPI(world: world, configuration: configuration)
        }

        func advertise(ports: [Int: Int]) {
            var configuration = api.configuration
            configuration.dcPorts = ports
            api = SandboxAPI(world: api.world, configuration: configuration)
        }

        func inject(_ fault: InjectedFault) {
            state.inject(fault)
        }

        func answer(_ body: [UInt8], authKeyID: Int64, dc: Int) -> HandlerReply {
            let now = Date(timeIntervalSince1970: clock.now())
            switch api.handle(requestBody: body, caller: SandboxCaller(authKeyID: authKeyID, dc: dc), state: &state, now: now) {
            case .success(let bytes): return .result(bytes)
            case .failure(let error): return .error(error)
            }
        }
    }

    /// Hands requests to the host.
    private struct Handler: MTProtoRequestHandler {
        let dc: Int
        let host: Host

        func handle(_ request: ReceivedRequest, context: RequestContext) async -> HandlerReply {
            await host.answer(request.body, authKeyID: context.authKeyID, dc: dc)
        }
    }
}

/// A sandbox answer a helper did not expect.
public enum LoopbackSandboxError: Error, Equatable {
    /// `method` answered with a constructor the helper cannot use.
    case unexpectedAnswer(String)
}
