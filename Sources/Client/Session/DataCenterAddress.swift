/// Where one data center listens: its id and an IPv4 host and TCP port.
public struct DataCenterAddress: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The data center id (1–5 on Telegram's production network).
    public var dc: Int
    /// The host name or IP address.
    public var host: String
    /// The TCP port.
    public var port: Int

    /// An address.
    public init(dc: Int, host: String, port: Int) {
        self.dc = dc
        self.host = host
        self.port = port
    }

    /// `dc N host:port`, for the log.
    public var description: String {
        "dc \(dc) \(host):\(port)"
    }
}
