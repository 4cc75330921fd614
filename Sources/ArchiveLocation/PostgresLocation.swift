import Foundation

/// Where a PostgreSQL archive lives: `postgres://user@host:5432/db` (or `postgresql://`), never with a
/// password in it (the password comes from `TGCRON_PG_PASSWORD`, `PGPASSWORD` or `.pgpass`).
///
/// `description` is safe to log: it is the URL as given, which holds no secret.
public struct PostgresLocation: Hashable, Sendable, CustomStringConvertible {
    /// The server's host name or address.
    public var host: String
    /// The server's TCP port.
    public var port: Int
    /// The role to log in as.
    public var user: String
    /// The database.
    public var database: String

    /// Why a URL is not a PostgreSQL archive location.
    public enum ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        /// Not a `postgres://` URL at all.
        case notPostgresURL
        /// A part the URL must have is missing.
        case missing(String)
        /// The URL carries a password (it must come from the environment or `.pgpass`).
        case passwordInURL
        /// The port is not a number in 1...65535.
        case badPort

        public var description: String {
            switch self {
            case .notPostgresURL: "expected a URL of the form postgres://user@host:5432/database"
            case .missing(let part): "the URL has no \(part) (postgres://user@host:5432/database)"
            case .passwordInURL:
                "the URL must not hold a password; put it in config/.env as TGCRON_PG_PASSWORD (or PGPASSWORD, or ~/.pgpass)"
            case .badPort: "the port must be a number from 1 to 65535"
            }
        }
    }

    /// A location from its parts.
    public init(host: String, port: Int = 5432, user: String, database: String) {
        self.host = host
        self.port = port
        self.user = user
        self.database = database
    }

    /// Parses `url`; the error never repeats the URL (it may hold a password by mistake).
    public init(url: String) throws(ParseError) {
        let lowered = url.lowercased()
        guard lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://"),
              let components = URLComponents(string: url) else { throw .notPostgresURL }
        if components.password != nil { throw .passwordInURL }
        guard let user = components.user, !user.isEmpty else { throw .missing("user") }
        guard let host = components.host, !host.isEmpty else { throw .missing("host") }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else { throw .missing("database") }
        let port = components.port ?? 5432
        guard (1...65535).contains(port) else { throw .badPort }
        self.init(host: host, port: port, user: user.removingPercentEncoding ?? user,
                  database: database.removingPercentEncoding ?? database)
    }

    /// Whether `text` looks like a PostgreSQL URL (whether it should be parsed as one).
    public static func isPostgresURL(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://")
    }

    public var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }
}
