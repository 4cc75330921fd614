import MTProto

extension RPCError {
    /// `401 AUTH_KEY_UNREGISTERED`: the key is not logged in (or logged out).
    static let authKeyUnregistered = RPCError(code: 401, message: "AUTH_KEY_UNREGISTERED")
    /// `401 SESSION_PASSWORD_NEEDED`: the account has 2FA; continue with `auth.checkPassword`.
    static let sessionPasswordNeeded = RPCError(code: 401, message: "SESSION_PASSWORD_NEEDED")
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

// File downloads and cross-DC authorization (https://core.telegram.org/method/upload.getFile,
// https://core.telegram.org/method/auth.importAuthorization).
extension RPCError {
    /// `400 LIMIT_INVALID`: `limit` breaks the part rules of `upload.getFile`.
    static let limitInvalid = RPCError(code: 400, message: "LIMIT_INVALID")
    /// `400 OFFSET_INVALID`: `offset` is negative or not aligned.
    static let offsetInvalid = RPCError(code: 400, message: "OFFSET_INVALID")
    /// `400 FILE_REFERENCE_EXPIRED`: fetch the message again for a fresh file reference.
    static let fileReferenceExpired = RPCError(code: 400, message: "FILE_REFERENCE_EXPIRED")
    /// `400 FILE_ID_INVALID`: no such photo or document, or a wrong access hash.
    static let fileIDInvalid = RPCError(code: 400, message: "FILE_ID_INVALID")
    /// `400 LOCATION_INVALID`: a location kind or thumbnail size the file does not have.
    static let locationInvalid = RPCError(code: 400, message: "LOCATION_INVALID")
    /// `400 AUTH_BYTES_INVALID`: the imported authorization is unknown, used, or for another DC.
    static let authBytesInvalid = RPCError(code: 400, message: "AUTH_BYTES_INVALID")
    /// `400 DC_ID_INVALID`: no such DC, or the DC asked is this one.
    static let dcIDInvalid = RPCError(code: 400, message: "DC_ID_INVALID")

    /// `303 FILE_MIGRATE_X`: the file lives on DC X.
    static func fileMigrate(_ dc: Int) -> RPCError { RPCError(code: 303, message: "FILE_MIGRATE_\(dc)") }
    /// `420 FLOOD_PREMIUM_WAIT_X`: the download speed limit of accounts without Premium.
    static func floodPremiumWait(_ seconds: Int) -> RPCError { RPCError(code: 420, message: "FLOOD_PREMIUM_WAIT_\(seconds)") }
}
