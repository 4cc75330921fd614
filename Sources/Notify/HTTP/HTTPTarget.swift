import Foundation

/// Where an HTTP POST goes, parsed once from a URL.
public struct HTTPTarget: Sendable, Equatable {
    /// `http` or `https`.
    public var scheme: String
    /// Host name or address, without brackets.
    public var host: String
    /// TCP port (the scheme's default if the URL has none).
    public var port: Int
    /// Path and query, starting with `/`.
    public var pathAndQuery: String

    /// Parses an absolute http(s) URL. The error never quotes the URL, whose path may hold a token.
    public init(url text: String) throws(NotifyError) {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https" else {
            throw .invalidURL(reason: "expected an absolute http:// or https:// URL")
        }
        guard let host = components.host, !host.isEmpty else { throw .invalidURL(reason: "the URL has no host") }
        self.scheme = scheme
        self.host = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
        port = components.port ?? (scheme == "https" ? 443 : 80)
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        pathAndQuery = components.percentEncodedQuery.map { "\(path)?\($0)" } ?? path
    }

    /// `host:port`, safe to log (no path, no query).
    public var authority: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// This target with `path` appended to its path.
    func appending(path: String) -> HTTPTarget {
        var copy = self
        let base = pathAndQuery.hasSuffix("/") ? String(pathAndQuery.dropLast()) : pathAndQuery
        copy.pathAndQuery = base + path
        return copy
    }
}
