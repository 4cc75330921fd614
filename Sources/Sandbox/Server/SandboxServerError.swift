import Foundation

/// Why a sandbox server could not start.
public enum SandboxServerError: Error, Sendable, CustomStringConvertible {
    /// The data directory cannot be created or written.
    case dataDirectory(String, String)
    /// `server_key.pem` exists but is not a usable RSA private key.
    case unreadableKey(String, String)
    /// A new RSA key could not be generated or encoded.
    case keyGeneration(String)
    /// A DC's listener could not bind.
    case bind(dc: Int, port: Int, String)

    /// A sentence for the log.
    public var description: String {
        switch self {
        case .dataDirectory(let path, let reason): "data directory \(path): \(reason)"
        case .unreadableKey(let path, let reason): "server key \(path) is unreadable: \(reason)"
        case .keyGeneration(let reason): "cannot create the server RSA key: \(reason)"
        case .bind(let dc, let port, let reason): "DC \(dc) cannot listen on port \(port): \(reason)"
        }
    }
}
