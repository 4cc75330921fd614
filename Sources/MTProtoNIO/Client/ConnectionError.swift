import MTProto
import MTProtoTransport
import TL

/// Why a call on an `MTProtoConnection` failed, or why its link was lost. Messages name ids, sizes
/// and reasons, never key material.
public enum ConnectionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server answered the call with an `rpc_error`.
    case rpc(RPCError)
    /// The call got no answer within its timeout.
    case timeout
    /// The connection was closed (by `close()`) before the call was answered.
    case closed
    /// The byte stream broke: malformed or oversize frame, or a transport error code from the
    /// server (for example -404 when it does not know the auth key).
    case transport(TransportError)
    /// The encrypted session rejected a packet (wrong auth_key_id, bad msg_key) or the request.
    case `protocol`(MTProtoError)
    /// Creating an auth key with the server failed.
    case keyExchange(KeyExchangeError)
    /// The answer is not valid TL for the call's result type.
    case decoding(TLDecodingError)
    /// The socket failed: refused, reset, timed out connecting, or closed by the server.
    case network(String)
    /// The server stopped answering: a keepalive ping or the key exchange went unanswered too long.
    case unresponsive
    /// The auth key storage failed to load the key.
    case storage(String)

    /// A message for the person reading the log.
    public var description: String {
        switch self {
        case .rpc(let error): "\(error)"
        case .timeout: "no answer within the call's timeout"
        case .closed: "the connection was closed"
        case .transport(let error): "transport failure: \(error)"
        case .protocol(let error): "MTProto failure: \(error)"
        case .keyExchange(let error): "key exchange failed: \(error)"
        case .decoding(let error): "cannot decode the answer: \(error)"
        case .network(let reason): "network failure: \(reason)"
        case .unresponsive: "the server stopped answering"
        case .storage(let reason): "auth key storage failure: \(reason)"
        }
    }

    /// `error` as a connection error: lower-layer errors keep their kind, anything else (NIO's
    /// socket errors) becomes `.network` with its description.
    init(_ error: any Error) {
        switch error {
        case let error as ConnectionError: self = error
        case let error as TransportError: self = .transport(error)
        case let error as MTProtoError: self = .protocol(error)
        case let error as KeyExchangeError: self = .keyExchange(error)
        case is CancellationError: self = .closed
        default: self = .network(String(describing: error))
        }
    }
}
