import Client
import Foundation
import MTProto
import Sandbox
import TL
import Timekeeping

/// The sandbox's API answered in process, without sockets or encryption: requests are serialized to TL bytes,
/// handled by `SandboxAPI` at the simulated clock's now, and the answer decoded back, exactly as a connection
/// would. For tests that need many thousands of calls (long histories, a simulated day of flood policy); the
/// loopback `LoopbackSandbox` is what proves the protocol.
public final class InProcessSandbox: Sendable {
    /// The world served.
    public let world: World
    /// The clock the server reads and the client sleeps on.
    public let clock: SimulatedProgramClock
    private let host: Host

    /// Serves `spec` with `flood` budgets, the clock one day after genesis; `invalidUTF8Every` is the
    /// configuration's fault of that name.
    public init(spec: WorldSpec = .builtIn, flood: FloodPolicy = .off, invalidUTF8Every: Int? = nil) {
        world = World(spec: spec)
        clock = SimulatedProgramClock(now: spec.genesis.addingTimeInterval(86_400).timeIntervalSince1970)
        var configuration = SandboxConfiguration(flood: flood)
        configuration.invalidUTF8Every = invalidUTF8Every
        host = Host(api: SandboxAPI(world: world, configuration: configuration))
    }

    /// An invoker calling the sandbox as the auth key `authKeyID` on DC `dc` (bare: wrap it in a pipeline).
    public func terminal(authKeyID: Int64 = 1, dc: Int = 2) -> any Invoker {
        Terminal(host: host, clock: clock, caller: SandboxCaller(authKeyID: authKeyID, dc: dc))
    }

    /// Logs the auth key `authKeyID` in as Alice (phone 9996621234, code 22222) on DC 2.
    public func logInAlice(authKeyID: Int64 = 1) async throws {
        let invoker = terminal(authKeyID: authKeyID)
        let sent = try await invoker.invoke(
            Api.Auth.SendCode(phoneNumber: "9996621234", apiId: 1, apiHash: "test", settings: .init()))
        guard case .sentCode(let code) = sent else { throw LoopbackSandboxError.unexpectedAnswer("auth.sendCode") }
        _ = try await invoker.invoke(Api.Auth.SignIn(phoneNumber: "9996621234", phoneCodeHash: code.phoneCodeHash, phoneCode: "22222"))
    }

    /// Injects `fault` into the server state.
    public func inject(_ fault: InjectedFault) async {
        await host.inject(fault)
    }

    /// The messages the server holds for `username` at the clock's now, ascending.
    public func truth(_ username: String) -> [Api.Message] {
        guard let channel = world.channel(username: username) else { return [] }
        return Array(world.truth(channel: channel, at: Date(timeIntervalSince1970: clock.now())))
    }

    /// How many requests the server answered (errors included).
    public func requestCount() async -> Int {
        await host.requests
    }

    private actor Host {
        let api: SandboxAPI
        var state = SandboxState()
        var requests = 0

        init(api: SandboxAPI) {
            self.api = api
        }

        func inject(_ fault: InjectedFault) {
            state.inject(fault)
        }

        func answer(_ body: [UInt8], caller: SandboxCaller, now: Date) -> Result<[UInt8], RPCError> {
            requests += 1
            return api.handle(requestBody: body, caller: caller, state: &state, now: now)
        }
    }

    private struct Terminal: Invoker {
        let host: Host
        let clock: SimulatedProgramClock
        let caller: SandboxCaller

        func invoke<Function: TLFunction>(_ function: Function) async throws -> Function.Result {
            let now = Date(timeIntervalSince1970: clock.now())
            switch await host.answer(function.serialized(), caller: caller, now: now) {
            case .success(let bytes):
                var reader = TLReader(bytes)
                return try Function.decodeResult(from: &reader)
            case .failure(let error):
                throw ClientError(error)
            }
        }
    }
}
