import MTProto
import TL

/// Telegram saying no for good, as opposed to "not now": retrying cannot help, only the operator can.
public enum Refusal: Sendable, Equatable, CustomStringConvertible {
    /// The account is banned, deactivated, or its session revoked or no longer known (what the server
    /// said): nothing works until a new login.
    case account(String)
    /// The channel went private, banned the account or is no longer reachable (the RPC error name).
    case channel(String)

    // 401 key and session errors (AUTH_KEY_UNREGISTERED, SESSION_REVOKED, SESSION_EXPIRED) arrive as
    // `ClientError.loginRequired`.
    private static let accountErrors: Set<RPCErrorName> = [.userDeactivatedBan, .userDeactivated]
    private static let channelErrors: Set<RPCErrorName> = [.channelPrivate, .chatForbidden, .channelBanned]

    /// The refusal `error` is, if it is one. `CHANNEL_INVALID` is not: it first means a stale access hash,
    /// and the harvest refreshes the peer before giving up.
    public init?(_ error: any Error) {
        if case ClientError.loginRequired = error {
            self = .account("the session is no longer logged in: SESSION_REVOKED, SESSION_EXPIRED or AUTH_KEY_UNREGISTERED")
            return
        }
        guard case ClientError.rpc(let rpc) = error else { return nil }
        if Self.accountErrors.contains(rpc.name) {
            self = .account(rpc.name.rawValue)
        } else if Self.channelErrors.contains(rpc.name) {
            self = .channel(rpc.name.rawValue)
        } else {
            return nil
        }
    }

    /// What it means, for the log and notifications.
    public var description: String {
        switch self {
        case .account(let name): "Telegram refused the account (\(name)): banned, deactivated or logged out"
        case .channel(let name): "the channel is no longer reachable (\(name)): private, or it banned the account"
        }
    }
}
