/// A `host:port` to connect to; IPv6 hosts are written in brackets (`[::1]:4430`).
public struct ServerAddress: Hashable, Sendable, CustomStringConvertible {
    /// Host name or IP address, without brackets.
    public let host: String
    /// TCP port, 1-65535.
    public let port: Int

    /// Creates an address.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// `host:port`, with brackets around IPv6 hosts.
    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// Reads `host:port` or `[ipv6]:port`; nil if either part is missing or the port is out of range.
    public init?(parsing text: String) {
        let host: Substring
        let port: Substring
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { return nil }
            port = rest.dropFirst()
        } else {
            guard let colon = text.lastIndex(of: ":") else { return nil }
            host = text[..<colon]
            port = text[text.index(after: colon)...]
            guard !host.contains(":") else { return nil }
        }
        guard !host.isEmpty, !host.contains(where: \.isWhitespace), port.allSatisfy(\.isASCIIDigit),
              let number = Int(port), (1...65_535).contains(number) else { return nil }
        self.init(host: String(host), port: number)
    }
}
