import MTProtoTransport

/// A proxy a connection goes through to reach its data center.
public enum ConnectionProxy: Sendable, Hashable, CustomStringConvertible {
    /// A SOCKS5 proxy (RFC 1928), with a username and password (RFC 1929) when it asks for one.
    case socks5(host: String, port: Int, credentials: SOCKS5Credentials?)
    /// An MTProxy: the obfuscated stream goes to it, keyed with its secret, with the DC id in the header.
    case mtproxy(host: String, port: Int, secret: MTProxySecret)

    /// Where the TCP connection goes.
    var endpoint: (host: String, port: Int) {
        switch self {
        case .socks5(let host, let port, _), .mtproxy(let host, let port, _): (host, port)
        }
    }

    /// The kind and address, never the password or secret.
    public var description: String {
        switch self {
        case .socks5(let host, let port, let credentials):
            "socks5://\(credentials.map { "\($0.username):***@" } ?? "")\(host):\(port)"
        case .mtproxy(let host, let port, _): "mtproxy://\(host):\(port)"
        }
    }
}

/// A SOCKS5 username and password (RFC 1929); the password never appears in descriptions.
public struct SOCKS5Credentials: Sendable, Hashable, CustomStringConvertible {
    /// The username, at most 255 bytes.
    public let username: String
    /// The password, at most 255 bytes.
    public let password: String

    /// Credentials sent when the proxy asks for them.
    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }

    /// The username only.
    public var description: String { "\(username):***" }
}
