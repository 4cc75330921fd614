import MTProto
import MTProtoCrypto
import TL

/// Logs an account in: `auth.sendCode` (following `PHONE_MIGRATE_X` to the account's DC),
/// `auth.signIn` with the code, and for 2FA accounts `account.getPassword` plus SRP and
/// `auth.checkPassword`. The phone, code and password never appear in errors or logs.
public struct LoginFlow: Sendable {
    /// The app identity sent with `auth.sendCode`.
    public let identity: ClientIdentity
    /// The pipeline to each DC by id (the same connection must be used for the whole login).
    public let connect: @Sendable (Int) async throws -> any Invoker
    /// How many `PHONE_MIGRATE_X` redirects are followed.
    public let maxMigrations: Int

    /// A login flow reaching DCs through `connect`.
    public init(identity: ClientIdentity, maxMigrations: Int = 2, connect: @escaping @Sendable (Int) async throws -> any Invoker) {
        self.identity = identity
        self.maxMigrations = maxMigrations
        self.connect = connect
    }

    /// Logs `phone` in, starting at DC `dc`; asks `code` for the login code once it is sent and
    /// `password` only if the account has 2FA. Throws `.phoneNumberBanned`, `.phoneCodeInvalid`,
    /// `.passwordHashInvalid` or other `ClientError`s.
    public func logIn(
        phone: String, dc: Int, code: @Sendable () async throws -> String, password: @Sendable () async throws -> String
    ) async throws -> LoggedInUser {
        let (home, invoker, sent) = try await sendCode(phone: phone, dc: dc)
        let authorization: Api.Auth.Authorization
        switch sent {
        case .sentCode(let sentCode):
            authorization = try await signIn(invoker, phone: phone, hash: sentCode.phoneCodeHash, code: code, password: password)
        case .sentCodeSuccess(let success):
            authorization = success.authorization
        case .sentCodePaymentRequired:
            throw ClientError.rpc(RPCError(.phoneCodePaymentRequired))
        }
        guard case .authorization(let authorized) = authorization else {
            throw ClientError.rpc(RPCError(.phoneNumberUnoccupied))
        }
        var user = LoggedInUser(dc: home, userID: 0, firstName: nil)
        if case .user(let me) = authorized.user {
            user.userID = me.id
            user.firstName = me.firstName
        }
        return user
    }

    /// Sends the code, moving to the DC the server names; returns that DC, its invoker and the answer.
    private func sendCode(phone: String, dc: Int) async throws -> (Int, any Invoker, Api.Auth.SentCode) {
        var dc = dc
        var migrations = 0
        while true {
            let invoker = try await connect(dc)
            do {
                let sent = try await invoker.invoke(Api.Auth.SendCode(
                    phoneNumber: phone, apiId: identity.apiID, apiHash: identity.apiHash, settings: .init()))
                return (dc, invoker, sent)
            } catch ClientError.rpc(let error) where error.migrateToDC != nil && migrations < maxMigrations {
                dc = error.migrateToDC ?? dc
                migrations += 1
            } catch ClientError.rpc(let error) where error.name == .phoneNumberBanned {
                throw ClientError.phoneNumberBanned
            }
        }
    }

    /// Signs in with the code, and with the password if the server asks for it.
    private func signIn(
        _ invoker: any Invoker, phone: String, hash: String, code: @Sendable () async throws -> String,
        password: @Sendable () async throws -> String
    ) async throws -> Api.Auth.Authorization {
        do {
            return try await invoker.invoke(Api.Auth.SignIn(phoneNumber: phone, phoneCodeHash: hash, phoneCode: try await code()))
        } catch ClientError.rpc(let error) where error.name == .phoneCodeInvalid || error.name == .phoneCodeExpired {
            throw ClientError.phoneCodeInvalid
        } catch ClientError.rpc(let error) where error.name == .sessionPasswordNeeded {
            return try await checkPassword(invoker, password: try await password())
        }
    }

    /// Proves the 2FA password with SRP.
    private func checkPassword(_ invoker: any Invoker, password: String) async throws -> Api.Auth.Authorization {
        let settings = try await invoker.invoke(Api.Account.GetPassword())
        guard case .passwordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow(let algo)? = settings.currentAlgo,
              let srpB = settings.srpB, let srpID = settings.srpId else {
            throw ClientError.rpc(RPCError(.passwordAlgoUnsupported))
        }
        var generator = SystemRandomNumberGenerator()
        let a = (0..<256).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let check: (A: [UInt8], M1: [UInt8])
        do {
            check = try SRP.computeCheck(
                password: Array(password.utf8), salt1: algo.salt1, salt2: algo.salt2, g: Int(algo.g), p: algo.p, srpB: srpB, a: a)
        } catch {
            throw ClientError.rpc(RPCError(.passwordParametersInvalid))
        }
        do {
            return try await invoker.invoke(Api.Auth.CheckPassword(
                password: .inputCheckPasswordSRP(.init(srpId: srpID, a: check.A, m1: check.M1))))
        } catch ClientError.rpc(let error) where error.name == .passwordHashInvalid {
            throw ClientError.passwordHashInvalid
        }
    }
}
