import Client
import Foundation
import Logging
import MTProto
import MTProtoCrypto
import MTProtoNIO
import Sandbox
import TL

/// The sandbox's DC 1 and DC 2 over loopback MTProto, on the test's simulated clock: when the client sleeps
/// through a flood wait, the server sees that time pass too. (`SandboxServer` runs on its own
/// clock, so the tests host `SandboxAPI` themselves.)
final class LoopbackSandbox: Sendable {
    /// One day after the built-in world's genesis, so the served history and the truth agree.
    static let moment = WorldSpec.builtIn.genesis.addingTimeInterval(86_400)
    /// The built-in world's key, made once per test run (RSA generation takes a while).
    static let serverKey: RSAPrivateKey = {
        do {
            return try RSAPrivateKey.generate()
        } catch {
            fatalError("cannot generate the test server key: \(error)")
        }
    }()

    let world: World
    let clock: SimulatedClientClock
    let audit = RecordingAuditSink()
    let floodObserver = RecordingFloodObserver()
    private let servers: [Int: MTProtoServer]
    private let host: Host

    /// Serves the built-in world with `flood` budgets and `faults` injected.
    static func start(flood: FloodPolicy = .off, faults: [InjectedFault] = []) async throws -> LoopbackSandbox {
        let world = World(spec: .builtIn)
        let clock = SimulatedClientClock(now: moment.timeIntervalSince1970)
        let host = Host(api: SandboxAPI(world: world, configuration: SandboxConfiguration(flood: flood)), clock: clock)
        for fault in faults { await host.inject(fault) }
        var logger = Logger(label: "tgcron.test.client-sandbox")
        logger.logLevel = .critical
        var servers: [Int: MTProtoServer] = [:]
        for dc in [1, 2] {
            servers[dc] = try await MTProtoServer.start(
                configuration: ServerConfiguration(keyExchange: ServerKeyExchangeConfiguration(privateKeys: [serverKey])),
                handler: Handler(dc: dc, host: host), logger: logger)
        }
        return LoopbackSandbox(world: world, clock: clock, servers: servers, host: host)
    }

    private init(world: World, clock: SimulatedClientClock, servers: [Int: MTProtoServer], host: Host) {
        self.world = world
        self.clock = clock
        self.servers = servers
        self.host = host
    }

    /// A new connection to DC `dc` (Alice's home is DC 2).
    func connection(dc: Int = 2) -> MTProtoConnection {
        var logger = Logger(label: "tgcron.test.client")
        logger.logLevel = .critical
        let configuration = ConnectionConfiguration(
            dataCenterID: dc, host: "127.0.0.1", port: servers[dc]?.port ?? 0, transport: .obfuscatedPaddedIntermediate,
            keyExchange: ClientKeyExchangeConfiguration(publicKeys: [Self.serverKey.publicKey], innerData: .permanent(dc: Int32(dc))),
            connectTimeout: .seconds(5), keyExchangeTimeout: .seconds(10))
        return MTProtoConnection(configuration: configuration, authKeyStorage: InMemoryAuthKeyStorage(), logger: logger)
    }

    /// The full pipeline over `connection`, auditing to `audit` on the simulated clock.
    func invoker(over connection: MTProtoConnection, floodWaitMax: Int = 300) -> any Invoker {
        InvocationPipeline(audit: audit, floodObserver: floodObserver, clock: clock, floodWaitMax: floodWaitMax)
            .wrap(ConnectionInvoker(connection: connection, identity: ClientIdentity(apiID: 1, apiHash: "test"), timeout: .seconds(10)))
    }

    /// Logs Alice in (phone 9996621234, code 22222) on `invoker`'s connection.
    func logInAlice(_ invoker: any Invoker) async throws {
        let sent = try await invoker.invoke(
            Api.Auth.SendCode(phoneNumber: "9996621234", apiId: 1, apiHash: "test", settings: .init()))
        guard case .sentCode(let code) = sent else { throw ScriptError.wrongType("auth.sendCode") }
        _ = try await invoker.invoke(Api.Auth.SignIn(phoneNumber: "9996621234", phoneCodeHash: code.phoneCodeHash, phoneCode: "22222"))
    }

    /// The messages the server holds for `username` at the current simulated time, ascending.
    func truth(_ username: String) -> [Api.Message] {
        guard let channel = world.channel(username: username) else { return [] }
        return Array(world.truth(channel: channel, at: Date(timeIntervalSince1970: clock.now())))
    }

    /// The ids of `truth(username)`.
    func truthIDs(_ username: String) -> [Int] {
        truth(username).map(\.messageID)
    }

    func shutdown() async {
        for server in servers.values { await server.shutdown() }
    }

    /// The shared state, answering one request at a time at the simulated now.
    private actor Host {
        let api: SandboxAPI
        let clock: SimulatedClientClock
        var state = SandboxState()

        init(api: SandboxAPI, clock: SimulatedClientClock) {
            self.api = api
            self.clock = clock
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
