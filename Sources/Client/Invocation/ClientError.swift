import Governor
import MTProto
import MTProtoNIO
import TL

/// Why a client call failed, in terms a caller can act on. Descriptions never hold secrets (keys,
/// phone numbers, codes, passwords).
public enum ClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server answered with an error the client does not handle itself.
    case rpc(RPCError)
    /// The call got no answer in time, retries included.
    case timeout
    /// The connection failed below the API (network, transport, key exchange, closed).
    case connection(ConnectionError)
    /// Admission control declined a call of `method` (a TL name) for now, for `reason`; try again later.
    case deferred(method: String, reason: DeferralReason)
    /// Admission control could not decide (its state could not be read or written), so the call was not
    /// sent; try again later.
    case admissionFailed(String)
    /// Telegram asked to wait `seconds` before calling `method` again, longer than the client sleeps.
    case floodDeferred(seconds: Int, method: String)
    /// The auth key is not logged in (or the session was revoked): log in again.
    case loginRequired
    /// The peer is not a channel this account can read (not found, a user, or only known by id without a cached access hash).
    case peerUnavailable(String)
    /// A history page went backwards or repeated itself, so paging stopped instead of looping.
    case historyNotAdvancing(offsetID: Int)
    /// The login code is wrong or expired.
    case phoneCodeInvalid
    /// The 2FA password is wrong.
    case passwordHashInvalid
    /// The phone number is banned by Telegram.
    case phoneNumberBanned
    /// The call was cancelled before it finished (as audited; callers see `CancellationError`).
    case cancelled
    /// Telegram asks to wait `seconds` before a takeout session may start (`TAKEOUT_INIT_DELAY_X`):
    /// the user must confirm the export in another app, or wait; the job runs later.
    case takeoutDelayed(seconds: Int)
    /// The session store failed to load or save the login state; the reason never holds key material.
    case sessionStore(String)
    /// No address is known for data center `dc`, not even after `help.getConfig`.
    case unknownDataCenter(Int)

    /// A connection-level error as a client error: RPC errors and timeouts get their own cases, and
    /// unregistered or revoked keys become `.loginRequired`.
    public init(_ error: ConnectionError) {
        switch error {
        case .rpc(let rpc): self = ClientError(rpc)
        case .timeout: self = .timeout
        default: self = .connection(error)
        }
    }

    /// An RPC error as a client error; `401` key and session errors become `.loginRequired`.
    public init(_ error: RPCError) {
        if error.code == 401, Self.loginErrors.contains(error.name) {
            self = .loginRequired
        } else {
            self = .rpc(error)
        }
    }

    private static let loginErrors: Set<RPCErrorName> = [.authKeyUnregistered, .sessionRevoked, .sessionExpired, .authKeyInvalid]

    /// Any error thrown below the client as a client error (`CancellationError` stays what it is at the call site).
    static func wrap(_ error: any Error) -> any Error {
        switch error {
        case let error as ClientError: error
        case let error as ConnectionError: ClientError(error)
        case let error as RPCError: ClientError(error)
        default: error
        }
    }

    /// A sentence for the log.
    public var description: String {
        switch self {
        case .rpc(let error): "server error \(error)"
        case .timeout: "no answer in time"
        case .connection(let error): "connection failure: \(error)"
        case .deferred(let method, let reason): "deferred by admission control: \(method): \(reason)"
        case .admissionFailed(let failure): "deferred by admission control: admission control failed: \(failure)"
        case .floodDeferred(let seconds, let method): "\(method) must wait \(seconds) s (flood wait); deferred"
        case .loginRequired: "the session is not logged in; run login again"
        case .peerUnavailable(let peer): "\(peer) is not a readable channel"
        case .historyNotAdvancing(let offset): "history paging did not advance past message \(offset)"
        case .phoneCodeInvalid: "the login code is wrong or expired"
        case .passwordHashInvalid: "the 2FA password is wrong"
        case .phoneNumberBanned: "the phone number is banned by Telegram"
        case .cancelled: "the call was cancelled"
        case .takeoutDelayed(let seconds): "the takeout session may start in \(seconds) s (confirm it in a Telegram app); deferred"
        case .sessionStore(let reason): "session store failure: \(reason)"
        case .unknownDataCenter(let dc): "no address is known for DC \(dc)"
        }
    }

    /// Whether admission control declined the call, so it never reached the server.
    public var isDeclinedBeforeSending: Bool {
        switch self {
        case .deferred, .admissionFailed: true
        default: false
        }
    }

    /// A short stable name for the audit log: the RPC error message when the server sent one
    /// (`FLOOD_WAIT_30`), else an upper-case name of the case. Never holds a secret.
    public var auditName: String {
        switch self {
        case .rpc(let error): error.message
        case .timeout: "TIMEOUT"
        case .connection: "CONNECTION_FAILED"
        case .deferred, .admissionFailed: "DEFERRED"
        case .floodDeferred(let seconds, _): RPCErrorName.floodWaitX.message(value: seconds)
        case .loginRequired: RPCErrorName.authKeyUnregistered.rawValue
        case .peerUnavailable: "PEER_UNAVAILABLE"
        case .historyNotAdvancing: "HISTORY_NOT_ADVANCING"
        case .phoneCodeInvalid: RPCErrorName.phoneCodeInvalid.rawValue
        case .passwordHashInvalid: RPCErrorName.passwordHashInvalid.rawValue
        case .phoneNumberBanned: RPCErrorName.phoneNumberBanned.rawValue
        case .cancelled: "CANCELLED"
        case .takeoutDelayed(let seconds): RPCErrorName.takeoutInitDelayX.message(value: seconds)
        case .sessionStore: "SESSION_STORE_FAILED"
        case .unknownDataCenter(let dc): "DC_\(dc)_UNKNOWN"
        }
    }
}
