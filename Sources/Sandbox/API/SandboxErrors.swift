import MTProto

extension RPCError {
    /// `401 AUTH_KEY_UNREGISTERED`: the key is not logged in (or logged out).
    static let authKeyUnregistered = RPCError(code: 401, message: "AUTH_KEY_UNREGISTERED")
    /// `401 SESSION_PASSWORD_NEEDED`: the account has 2FA; continue with `auth.checkPassword`.
    static let sessionPasswordNeeded = RPCError(code: 401, message: "SESSION_PASSWORD_NEEDED")
    /// `401 USER_DEACTIVATED_BAN`: the account was banned.
    static let userDeactivatedBan = RPCError(code: 401, message: "USER_DEACTIVATED_BAN")
    /// `401 SESSION_REVOKED`: the session was terminated from another device.
    static let sessionRevoked = RPCError(code: 401, message: "SESSION_REVOKED")
    /// `400 CHANNEL_PRIVATE`: the channel is private and the account not a member (or banned from it).
    static let channelPrivate = RPCError(code: 400, message: "CHANNEL_PRIVATE")
    /// `400 METHOD_INVALID`: the sandbox does not serve this method.
    static let methodInvalid = RPCError(code: 400, message: "METHOD_INVALID")
    /// `400 CHANNEL_INVALID`: unknown channel or wrong access hash.
    static let channelInvalid = RPCError(code: 400, message: "CHANNEL_INVALID")
    /// `400 PEER_ID_INVALID`: a peer the sandbox does not hold.
    static let peerIDInvalid = RPCError(code: 400, message: "PEER_ID_INVALID")
    /// `400 USERNAME_NOT_OCCUPIED`.
    static let usernameNotOccupied = RPCError(code: 400, message: "USERNAME_NOT_OCCUPIED")
    /// `400 PHONE_NUMBER_INVALID`: not a listed account nor a test phone.
    static let phoneNumberInvalid = RPCError(code: 400, message: "PHONE_NUMBER_INVALID")
    /// `400 PHONE_NUMBER_BANNED`.
    static let phoneNumberBanned = RPCError(code: 400, message: "PHONE_NUMBER_BANNED")
    /// `400 PHONE_NUMBER_UNOCCUPIED`: no account yet; continue with `auth.signUp`.
    static let phoneNumberUnoccupied = RPCError(code: 400, message: "PHONE_NUMBER_UNOCCUPIED")
    /// `400 PHONE_CODE_INVALID`.
    static let phoneCodeInvalid = RPCError(code: 400, message: "PHONE_CODE_INVALID")
    /// `400 PHONE_CODE_EXPIRED`.
    static let phoneCodeExpired = RPCError(code: 400, message: "PHONE_CODE_EXPIRED")
    /// `400 PHONE_CODE_HASH_INVALID`: no code was sent with this hash.
    static let phoneCodeHashInvalid = RPCError(code: 400, message: "PHONE_CODE_HASH_INVALID")
    /// `400 PASSWORD_HASH_INVALID`: the SRP proof is wrong.
    static let passwordHashInvalid = RPCError(code: 400, message: "PASSWORD_HASH_INVALID")
    /// `400 SRP_ID_INVALID`: the check does not answer the last `account.getPassword`.
    static let srpIDInvalid = RPCError(code: 400, message: "SRP_ID_INVALID")
    /// `400 TAKEOUT_INVALID`: no such takeout session.
    static let takeoutInvalid = RPCError(code: 400, message: "TAKEOUT_INVALID")
    /// `400 USER_ID_INVALID`.
    static let userIDInvalid = RPCError(code: 400, message: "USER_ID_INVALID")
    /// `400 INPUT_REQUEST_INVALID`: the request bytes do not decode.
    static let inputRequestInvalid = RPCError(code: 400, message: "INPUT_REQUEST_INVALID")

    /// `303 PHONE_MIGRATE_X`.
    static func phoneMigrate(_ dc: Int) -> RPCError { RPCError(code: 303, message: "PHONE_MIGRATE_\(dc)") }
    /// `420 FLOOD_WAIT_X`.
    static func floodWait(_ seconds: Int) -> RPCError { RPCError(code: 420, message: "FLOOD_WAIT_\(seconds)") }
}
