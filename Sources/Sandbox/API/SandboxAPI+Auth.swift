import MTProto
import MTProtoCrypto
import TL

extension SandboxAPI {
    /// The account for `phone`: listed in the world or signed up on this server.
    func account(phone: String, state: SandboxState) -> AccountSpec? {
        world.spec.accounts.first { $0.phone == phone } ?? state.signedUp[phone]
    }

    /// The user id of the account with `phone`.
    func userID(phone: String) -> Int64 {
        var draw = Draw(world.spec.seed, Draw.key(phone), DrawPurpose.identity.rawValue)
        return 100_000_000 + Int64(draw.below(900_000_000))
    }

    /// The account as a `User`; `isSelf` marks the caller's own user.
    func user(_ account: AccountSpec, isSelf: Bool) -> Api.User {
        var draw = Draw(world.spec.seed, Draw.key(account.phone), DrawPurpose.identity.rawValue, 2)
        return .user(.init(
            isSelf: isSelf, id: userID(phone: account.phone), accessHash: Int64(bitPattern: draw.next()),
            firstName: account.firstName, phone: isSelf ? account.phone : nil, status: .userStatusRecently(.init())))
    }

    private static func digits(_ phone: String) -> String { phone.filter(\.isNumber) }

    func sendCode(_ request: Api.Auth.SendCode, context: RequestContext, state: inout SandboxState) -> Result<any TLSerializable, RPCError> {
        let phone = Self.digits(request.phoneNumber)
        let known = account(phone: phone, state: state)
        guard known != nil || TestPhone(phone) != nil else { return .failure(RPCError(.phoneNumberInvalid)) }
        if known?.banned == true { return .failure(RPCError(.phoneNumberBanned)) }
        let homeDC = known?.homeDC ?? AccountSpec.conventionDC(phone: phone)
        guard homeDC == context.caller.dc else { return .failure(RPCError(.phoneMigrateX, value: homeDC)) }
        var draw = state.nextDraw(seed: world.spec.seed, purpose: .codeHash)
        let hash = String(draw.next(), radix: 16)
        state.sessions[context.caller.authKeyID, default: .init()].sentCodes[phone] = (hash, context.now)
        return .success(Api.Auth.SentCode.sentCode(.init(type: .sentCodeTypeApp(.init(length: 5)), phoneCodeHash: hash)))
    }

    /// Checks a code sent to `phone` with `hash`; nil when it is right.
    private func codeError(phone: String, hash: String, code: String?, context: RequestContext, state: SandboxState) -> RPCError? {
        guard let sent = state.sessions[context.caller.authKeyID]?.sentCodes[phone], sent.hash == hash else {
            return RPCError(.phoneCodeHashInvalid)
        }
        if context.now - sent.sentAt > Double(configuration.codeLifetime) { return RPCError(.phoneCodeExpired) }
        let expected = AccountSpec.loginCode(phone: phone)
        return code == expected ? nil : RPCError(.phoneCodeInvalid)
    }

    func signIn(_ request: Api.Auth.SignIn, context: RequestContext, state: inout SandboxState) -> Result<any TLSerializable, RPCError> {
        let phone = Self.digits(request.phoneNumber)
        if let error = codeError(phone: phone, hash: request.phoneCodeHash, code: request.phoneCode, context: context, state: state) {
            return .failure(error)
        }
        guard let account = account(phone: phone, state: state) else { return .failure(RPCError(.phoneNumberUnoccupied)) }
        if account.password != nil {
            state.sessions[context.caller.authKeyID, default: .init()].awaitingPassword = phone
            return .failure(RPCError(.sessionPasswordNeeded))
        }
        return .success(authorize(account, context: context, state: &state))
    }

    func signUp(_ request: Api.Auth.SignUp, context: RequestContext, state: inout SandboxState) -> Result<any TLSerializable, RPCError> {
        let phone = Self.digits(request.phoneNumber)
        guard let sent = state.sessions[context.caller.authKeyID]?.sentCodes[phone], sent.hash == request.phoneCodeHash else {
            return .failure(RPCError(.phoneCodeHashInvalid))
        }
        let account = self.account(phone: phone, state: state) ?? AccountSpec(phone: phone, firstName: request.firstName)
        state.signedUp[phone] = account
        return .success(authorize(account, context: context, state: &state))
    }

    /// Logs the caller's key in as `account`.
    private func authorize(_ account: AccountSpec, context: RequestContext, state: inout SandboxState) -> Api.Auth.Authorization {
        var session = state.sessions[context.caller.authKeyID] ?? .init()
        session.phone = account.phone
        session.sentCodes = [:]
        session.awaitingPassword = nil
        session.srp = nil
        state.sessions[context.caller.authKeyID] = session
        return .authorization(.init(user: user(account, isSelf: true)))
    }

    /// The 2FA account the caller is logging into or logged in as.
    private func passwordAccount(context: RequestContext, state: SandboxState) -> AccountSpec? {
        let session = state.sessions[context.caller.authKeyID]
        return (session?.awaitingPassword ?? session?.phone).flatMap { account(phone: $0, state: state) }
    }

    /// The account's SRP salts, derived from the seed and phone.
    private func salts(phone: String) -> (salt1: [UInt8], salt2: [UInt8]) {
        var draw = Draw(world.spec.seed, Draw.key(phone), DrawPurpose.password.rawValue)
        let salt1 = (0..<40).map { _ in UInt8(truncatingIfNeeded: draw.next()) }
        let salt2 = (0..<16).map { _ in UInt8(truncatingIfNeeded: draw.next()) }
        return (salt1, salt2)
    }

    func getPassword(context: RequestContext, state: inout SandboxState) -> Result<any TLSerializable, RPCError> {
        let prime = (try? DHChecks.telegramPrime.bytes(paddedTo: 256)) ?? []
        var draw = state.nextDraw(seed: world.spec.seed, purpose: .srp)
        let secureRandom = (0..<32).map { _ in UInt8(truncatingIfNeeded: draw.next()) }
        let newAlgo = Api.PasswordKdfAlgo.passwordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow(
            .init(salt1: Array(secureRandom.prefix(8)), salt2: Array(secureRandom.suffix(16)), g: 3, p: prime))
        let newSecureAlgo = Api.SecurePasswordKdfAlgo.securePasswordKdfAlgoPBKDF2HMACSHA512iter100000(.init(salt: secureRandom))
        guard let account = passwordAccount(context: context, state: state), let password = account.password else {
            return .success(Api.Account.Password(newAlgo: newAlgo, newSecureAlgo: newSecureAlgo, secureRandom: secureRandom))
        }
        let (salt1, salt2) = salts(phone: account.phone)
        var random = DrawRandom(draw: draw)
        let server: SRPServer
        do {
            let verifier = try SRP.verifier(password: Array(password.utf8), salt1: salt1, salt2: salt2, g: 3, p: prime)
            server = try SRPServer(g: 3, p: prime, salt1: salt1, salt2: salt2, verifier: verifier, random: &random)
        } catch {
            return .failure(RPCError(.srpSetupFailed))
        }
        let srpID = Int64(bitPattern: random.draw.next())
        state.sessions[context.caller.authKeyID, default: .init()].srp = (srpID, server)
        return .success(Api.Account.Password(
            hasPassword: true,
            currentAlgo: .passwordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow(.init(salt1: salt1, salt2: salt2, g: 3, p: prime)),
            srpB: server.srpB, srpId: srpID, hint: "sandbox", newAlgo: newAlgo, newSecureAlgo: newSecureAlgo,
            secureRandom: secureRandom))
    }

    func checkPassword(_ request: Api.Auth.CheckPassword, context: RequestContext, state: inout SandboxState) -> Result<any TLSerializable, RPCError> {
        guard case .inputCheckPasswordSRP(let check) = request.password else { return .failure(RPCError(.passwordHashInvalid)) }
        guard let account = passwordAccount(context: context, state: state),
              let offered = state.sessions[context.caller.authKeyID]?.srp, offered.id == check.srpId else {
            return .failure(RPCError(.srpIdInvalid))
        }
        guard offered.server.verify(A: check.a, M1: check.m1) else { return .failure(RPCError(.passwordHashInvalid)) }
        return .success(authorize(account, context: context, state: &state))
    }

    func getUsers(_ request: Api.Users.GetUsers, phone: String?, state: SandboxState) -> Result<any TLSerializable, RPCError> {
        let users = request.id.compactMap { lookUpUser($0, phone: phone, state: state) }
        return .success(BoxedVector(users))
    }

    func getFullUser(_ request: Api.Users.GetFullUser, phone: String?, state: SandboxState) -> Result<any TLSerializable, RPCError> {
        guard let user = lookUpUser(request.id, phone: phone, state: state), case .user(let value) = user else {
            return .failure(RPCError(.userIdInvalid))
        }
        let full = Api.UserFull(
            id: value.id, settings: Api.PeerSettings(), notifySettings: Api.PeerNotifySettings(), commonChatsCount: 0)
        return .success(Api.Users.UserFull(fullUser: full, chats: [], users: [user]))
    }

    /// The user an `InputUser` names: self, or a known account by id (access hashes are not checked).
    private func lookUpUser(_ input: Api.InputUser, phone: String?, state: SandboxState) -> Api.User? {
        let accounts = world.spec.accounts + state.signedUp.values
        switch input {
        case .inputUserSelf:
            return phone.flatMap { account(phone: $0, state: state) }.map { user($0, isSelf: true) }
        case .inputUser(let value):
            return accounts.first { userID(phone: $0.phone) == value.userId }.map { user($0, isSelf: $0.phone == phone) }
        default:
            return nil
        }
    }
}
