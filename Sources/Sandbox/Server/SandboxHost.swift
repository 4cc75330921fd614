import MTProtoCrypto
import Foundation
import MTProto
import MTProtoNIO
import TL

/// The state every DC of a running sandbox shares: one `SandboxState`, the API and the simulated clock.
/// An actor, so requests from every connection of either DC are answered one at a time, off the
/// event loops (2FA checks spend ~0.1 s in PBKDF2).
actor SandboxHost {
    private var api: SandboxAPI
    private var state = SandboxState()
    private let clock: SimulatedClock
    private let log: @Sendable (String) -> Void
    private let busyProbability: Double
    private var busyRandom: SeededRandom
    /// How many requests the busy fault answered with `WORKER_BUSY_TOO_LONG_RETRY`.
    private(set) var busyAnswerCount = 0
    /// Where account use is recorded (`--session-log`), or nil.
    private let sessionLog: SessionLog?
    /// The connections logged as authorized, by DC and connection number, until they close.
    private var authorizedConnections: Set<[Int]> = []

    /// A host answering with `api` on `clock`'s time, and as too busy to with `busyProbability`
    /// (drawn from `seed`).
    init(
        api: SandboxAPI, clock: SimulatedClock, busyProbability: Double = 0, seed: UInt64 = 0,
        sessionLog: SessionLog? = nil, log: @escaping @Sendable (String) -> Void
    ) {
        self.sessionLog = sessionLog
        self.api = api
        self.clock = clock
        self.busyProbability = busyProbability
        busyRandom = SeededRandom(seed: seed)
        self.log = log
    }

    /// Advertises `ports` in `help.getConfig` (known only once the listeners are bound).
    func advertise(ports: [Int: Int]) {
        var configuration = api.configuration
        configuration.dcPorts = ports
        api = SandboxAPI(world: api.world, configuration: configuration)
    }

    /// Answers one request body from `caller` at the simulated now; `connection` and `session` (the DC's
    /// connection number and the MTProto session id) go to the session log.
    func answer(_ body: [UInt8], caller: SandboxCaller, connection: Int = 0, session: Int64 = 0) -> HandlerReply {
        logAuthorized(body, caller: caller, connection: connection, session: session)
        if busyRandom.chance(busyProbability) {
            busyAnswerCount += 1
            return .error(RPCError(.workerBusyTooLongRetry))
        }
        let result = api.handle(requestBody: body, caller: caller, state: &state, now: clock.now(atWallTime: Date()))
        logInviteCall(body, result: result)
        switch result {
        case .success(let bytes):
            logSentCode(body)
            return .result(bytes)
        case .failure(let error):
            return .error(error)
        }
    }

    /// Logs a connection's first request by a logged-in key to the session log.
    private func logAuthorized(_ body: [UInt8], caller: SandboxCaller, connection: Int, session: Int64) {
        guard let sessionLog, let phone = state.sessions[caller.authKeyID]?.phone,
              authorizedConnections.insert([caller.dc, connection]).inserted else { return }
        sessionLog.authorized(dc: caller.dc, connection: connection, user: api.userID(phone: phone), authKeyID: caller.authKeyID,
                              sessionID: session, identity: ClientLabel(requestBody: body))
    }

    /// Logs the close of a connection the session log saw authorized.
    func closed(dc: Int, connection: Int) {
        guard authorizedConnections.remove([dc, connection]) != nil else { return }
        sessionLog?.closed(dc: dc, connection: connection)
    }

    /// Logs every invite link call and its outcome (`invite: messages.importChatInvite by auth key …: ok`),
    /// the request log tests read to count joins from outside the client.
    private func logInviteCall(_ body: [UInt8], result: Result<[UInt8], RPCError>) {
        guard var function = try? TLAnyFunction(bytes: body).function else { return }
        while let wrapper = function as? any QueryWrapper { function = wrapper.wrappedQuery }
        guard function is Api.Messages.CheckChatInvite || function is Api.Messages.ImportChatInvite else { return }
        let outcome = switch result {
        case .success: "ok"
        case .failure(let error): error.message
        }
        log("invite: \(type(of: function).tlName): \(outcome)")
    }

    /// Logs the code a successful `auth.sendCode` "sent", as a real DC would text it.
    private func logSentCode(_ body: [UInt8]) {
        guard var function = try? TLAnyFunction(bytes: body).function else { return }
        while let wrapper = function as? any QueryWrapper { function = wrapper.wrappedQuery }
        guard let sendCode = function as? Api.Auth.SendCode else { return }
        let phone = sendCode.phoneNumber.filter(\.isNumber)
        log("code for \(phone): \(AccountSpec.loginCode(phone: phone))")
    }
}

/// The request handler of one DC: tags each request with the DC and the caller's auth key.
struct SandboxDCHandler: MTProtoRequestHandler {
    /// The DC id (1, 2 or 3).
    let dc: Int
    /// The shared state.
    let host: SandboxHost

    func handle(_ request: ReceivedRequest, context: RequestContext) async -> HandlerReply {
        await host.answer(request.body, caller: SandboxCaller(authKeyID: context.authKeyID, dc: dc),
                          connection: context.connectionID, session: context.sessionID)
    }

    func connectionClosed(connectionID: Int) async {
        await host.closed(dc: dc, connection: connectionID)
    }
}
