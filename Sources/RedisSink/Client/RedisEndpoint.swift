/// Where Redis listens and how to log in: host, port, optional password and database number.
public struct RedisEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// Host name or IP address.
    public var host: String
    /// TCP port.
    public var port: Int
    /// The `AUTH` password (sent only if set; never printed).
    public var password: String?
    /// The `AUTH` user name for Redis 6 ACLs (with `password`).
    public var username: String?
    /// The database to `SELECT` (0 is Redis's default and is not selected explicitly).
    public var database: Int

    /// An endpoint.
    public init(host: String, port: Int = 6379, password: String? = nil, username: String? = nil, database: Int = 0) {
        self.host = host
        self.port = port
        self.password = password
        self.username = username
        self.database = database
    }

    /// `host:port/db`, without the credentials.
    public var description: String {
        let address = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        return "\(address)/\(database)"
    }
}
