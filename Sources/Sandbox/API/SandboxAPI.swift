import Foundation
import MTProto
import TL

/// The sandbox DC's request handler: a pure function from a decoded request, the caller, the server
/// state and the simulated `now` to a layer-228 answer or an RPC error. No sockets, no clock.
///
/// The network server calls `handle(requestBody:caller:state:now:)` with a `ReceivedRequest.body`
/// (or `handle(_:caller:state:now:)` with `decodeFunction().function`) and replies with the bytes.
public struct SandboxAPI: Sendable {
    /// The world served.
    public let world: World
    /// Ports, flood budgets and limits.
    public let configuration: SandboxConfiguration

    /// Creates a handler for `world`.
    public init(world: World, configuration: SandboxConfiguration = SandboxConfiguration()) {
        self.world = world
        self.configuration = configuration
    }

    /// Decodes `requestBody`, answers it and serializes the answer (`INPUT_REQUEST_INVALID` if it does not decode).
    public func handle(requestBody: [UInt8], caller: SandboxCaller, state: inout SandboxState, now: Date) -> Result<[UInt8], RPCError> {
        let request: TLAnyFunction
        do {
            request = try TLAnyFunction(bytes: requestBody)
        } catch {
            return .failure(RPCError(.inputRequestInvalid))
        }
        return handle(request.function, caller: caller, state: &state, now: now).map { $0.serialized() }
    }

    /// Answers one request; wrappers (`invokeWithLayer`, `initConnection`, `invokeWithoutUpdates`,
    /// `invokeAfterMsg`, `invokeWithTakeout`) are unwrapped first. Unknown methods answer `METHOD_INVALID`.
    public func handle(
        _ function: any TLDecodableFunction, caller: SandboxCaller, state: inout SandboxState, now: Date
    ) -> Result<any TLSerializable, RPCError> {
        dispatch(function, context: RequestContext(caller: caller, now: now.timeIntervalSince1970), state: &state)
    }

    /// What a request carries besides its function: who asked, and when.
    struct RequestContext {
        let caller: SandboxCaller
        /// Simulated seconds since 1970.
        let now: Double

        /// `now` in whole unix seconds, as message dates are.
        var unixNow: Int64 { Int64(now.rounded(.down)) }
    }

    private func dispatch(
        _ function: any TLDecodableFunction, context: RequestContext, state: inout SandboxState
    ) -> Result<any TLSerializable, RPCError> {
        guard let wrapper = function as? any QueryWrapper else { return serve(function, context: context, state: &state) }
        if let takeoutID = wrapper.requiredTakeoutID, state.sessions[context.caller.authKeyID]?.takeoutID != takeoutID {
            return .failure(RPCError(.takeoutInvalid))
        }
        return dispatch(wrapper.wrappedQuery, context: context, state: &state)
    }

    /// Methods answered without a login.
    private static let publicMethods: Set<String> = [
        Api.Help.GetConfig.tlName, Api.Help.GetNearestDc.tlName, Api.Auth.SendCode.tlName, Api.Auth.SignIn.tlName,
        Api.Auth.SignUp.tlName, Api.Account.GetPassword.tlName, Api.Auth.CheckPassword.tlName,
        Api.Auth.ImportAuthorization.tlName,
    ]

    /// Methods answered after login; everything else answers `METHOD_INVALID`, logged in or not.
    private static let privateMethods: Set<String> = [
        Api.Auth.LogOut.tlName, Api.Users.GetUsers.tlName, Api.Users.GetFullUser.tlName, Api.Updates.GetState.tlName,
        Api.Contacts.ResolveUsername.tlName, Api.Channels.GetChannels.tlName, Api.Channels.GetFullChannel.tlName,
        Api.Channels.GetMessages.tlName, Api.Messages.GetHistory.tlName, Api.Updates.GetDifference.tlName,
        Api.Updates.GetChannelDifference.tlName, Api.Account.InitTakeoutSession.tlName,
        Api.Account.FinishTakeoutSession.tlName, Api.Upload.GetFile.tlName, Api.Auth.ExportAuthorization.tlName,
        Api.Messages.GetReplies.tlName, Api.Messages.GetDiscussionMessage.tlName, Api.Messages.CheckChatInvite.tlName,
        Api.Messages.ImportChatInvite.tlName, Api.Messages.GetForumTopics.tlName,
    ]

    private func serve(
        _ function: any TLDecodableFunction, context: RequestContext, state: inout SandboxState
    ) -> Result<any TLSerializable, RPCError> {
        let method = type(of: function).tlName
        let key = context.caller.authKeyID
        if state.unregisteredKeys.contains(key) { return .failure(RPCError(.authKeyUnregistered)) }
        let phone = state.sessions[key]?.phone
        if !Self.publicMethods.contains(method) {
            guard Self.privateMethods.contains(method) else { return .failure(RPCError(.methodInvalid)) }
            guard let phone else { return .failure(RPCError(.authKeyUnregistered)) }
            if let refusal = world.refusal(phone: phone, loggedInAt: state.sessions[key]?.loggedInAt ?? 0, now: context.now) {
                return .failure(refusal)
            }
        }
        if let fault = state.takeFault(for: method) { return .failure(fault) }
        if let phone, let wait = state.flood.admit(
            method: method, account: userID(phone: phone), now: context.now, policy: configuration.flood) {
            return .failure(RPCError(.floodWaitX, value: wait))
        }
        if let phone, let refusal = privateChatRefusal(function, phone: phone, state: state, now: context.now) {
            return .failure(refusal)
        }
        switch function {
        case is Api.Help.GetConfig: return .success(config(context: context))
        case is Api.Help.GetNearestDc:
            return .success(Api.NearestDc(country: "XX", thisDc: Int32(context.caller.dc), nearestDc: Int32(context.caller.dc)))
        case let request as Api.Auth.SendCode: return sendCode(request, context: context, state: &state)
        case let request as Api.Auth.SignIn: return signIn(request, context: context, state: &state)
        case let request as Api.Auth.SignUp: return signUp(request, context: context, state: &state)
        case is Api.Account.GetPassword: return getPassword(context: context, state: &state)
        case let request as Api.Auth.CheckPassword: return checkPassword(request, context: context, state: &state)
        case is Api.Auth.LogOut:
            state.sessions[key] = nil
            state.unregisteredKeys.insert(key)
            return .success(Api.Auth.LoggedOut())
        case let request as Api.Users.GetUsers: return getUsers(request, phone: phone, state: state)
        case let request as Api.Users.GetFullUser: return getFullUser(request, phone: phone, state: state)
        case is Api.Updates.GetState:
            return .success(Api.Updates.State(pts: 1, qts: 0, date: Int32(clamping: context.unixNow), seq: 0, unreadCount: 0))
        case let request as Api.Contacts.ResolveUsername: return resolveUsername(request, context: context)
        case let request as Api.Channels.GetChannels: return getChannels(request, context: context)
        case let request as Api.Channels.GetFullChannel: return getFullChannel(request, context: context)
        case let request as Api.Channels.GetMessages: return getMessages(request, context: context, state: state)
        case let request as Api.Messages.GetHistory: return getHistory(request, context: context, state: state)
        case let request as Api.Messages.GetReplies: return getReplies(request, context: context, state: state)
        case let request as Api.Messages.GetDiscussionMessage: return getDiscussionMessage(request, context: context)
        case let request as Api.Messages.GetForumTopics: return getForumTopics(request, context: context, state: state)
        case let request as Api.Messages.CheckChatInvite:
            guard let phone else { return .failure(RPCError(.authKeyUnregistered)) }
            return checkChatInvite(request, phone: phone, context: context, state: &state)
        case let request as Api.Messages.ImportChatInvite:
            guard let phone else { return .failure(RPCError(.authKeyUnregistered)) }
            return importChatInvite(request, phone: phone, context: context, state: &state)
        case is Api.Updates.GetDifference:
            // The sandbox has no private chats: the common update sequence never moves.
            return .success(Api.Updates.Difference.differenceEmpty(.init(date: Int32(clamping: context.unixNow), seq: 0)))
        case let request as Api.Updates.GetChannelDifference: return getChannelDifference(request, context: context)
        case is Api.Account.InitTakeoutSession: return initTakeout(context: context, state: &state)
        case is Api.Account.FinishTakeoutSession: return finishTakeout(context: context, state: &state)
        case let request as Api.Upload.GetFile:
            guard let phone else { return .failure(RPCError(.authKeyUnregistered)) }
            return getFile(request, phone: phone, context: context, state: &state)
        case let request as Api.Auth.ExportAuthorization:
            guard let phone else { return .failure(RPCError(.authKeyUnregistered)) }
            return exportAuthorization(request, phone: phone, context: context, state: &state)
        case let request as Api.Auth.ImportAuthorization: return importAuthorization(request, context: context, state: &state)
        default: return .failure(RPCError(.methodInvalid))
        }
    }
}
