import Foundation

/// `telegram_client.proxy`: the proxy every connection goes through.
///
/// `socks5://[user:pass@]host:port` (RFC 1928/1929) or `mtproxy://host:port?secret=HEX`, where HEX is 32 hex
/// digits, or `dd` and 32 hex digits (padded intermediate). Fake-TLS secrets (`ee…`) are refused. The
/// password and the secret never appear in `description`.
public enum ProxySetting: Hashable, Sendable, CustomStringConvertible {
    /// A SOCKS5 proxy, with a username and password if given.
    case socks5(host: String, port: Int, username: String?, password: String?)
    /// An MTProxy and its secret, as hex digits.
    case mtproxy(host: String, port: Int, secretHex: String)

    /// Parses the setting's text; the error says what is wrong without repeating a secret or password.
    public init(parsing text: String) throws(ProxySettingError) {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            throw .malformed("must be socks5://[user:pass@]host:port or mtproxy://host:port?secret=HEX")
        }
        guard let host = components.host, !host.isEmpty else { throw .malformed("names no host") }
        guard let port = components.port, (1...65535).contains(port) else {
            throw .malformed("needs a port from 1 to 65535")
        }
        switch scheme {
        case "socks5":
            if components.user != nil, components.password == nil { throw .malformed("gives a user without a password") }
            self = .socks5(host: host, port: port, username: components.user, password: components.password)
        case "mtproxy":
            guard let secret = components.queryItems?.first(where: { $0.name == "secret" })?.value else {
                throw .malformed("needs ?secret=HEX (the proxy's secret)")
            }
            try Self.check(secret: secret)
            self = .mtproxy(host: host, port: port, secretHex: secret.lowercased())
        default:
            throw .malformed("scheme '\(scheme)' is none of socks5, mtproxy")
        }
    }

    /// The proxy without its password or secret.
    public var description: String {
        switch self {
        case .socks5(let host, let port, let user, _): "socks5://\(user.map { "\($0):***@" } ?? "")\(host):\(port)"
        case .mtproxy(let host, let port, _): "mtproxy://\(host):\(port)"
        }
    }

    /// A secret of 16 bytes, or `dd` and 16 bytes (Source: https://core.telegram.org/mtproto/mtproto-transports).
    private static func check(secret: String) throws(ProxySettingError) {
        let lower = secret.lowercased()
        guard lower.allSatisfy(\.isHexDigit) else { throw .malformed("secret must be hexadecimal digits") }
        if lower.hasPrefix("ee"), lower.count > 34 {
            throw .malformed("fake-TLS secrets (ee…) are not supported; use the proxy's dd secret")
        }
        guard lower.count == 32 || (lower.count == 34 && lower.hasPrefix("dd")) else {
            throw .malformed("secret must be 32 hex digits, or dd and 32 hex digits")
        }
    }
}

/// Why a `telegram_client.proxy` value cannot be used; the text never holds the password or secret.
public enum ProxySettingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The value's problem.
    case malformed(String)

    /// The problem.
    public var description: String {
        switch self {
        case .malformed(let problem): problem
        }
    }
}
