import Archive
import ArchiveLocation
import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// The archive on a PostgreSQL server: the same storage concerns as the embedded `ArchiveStore`, for several
/// machines sharing one archive that downstream tools query.
///
/// One connection, used by one transaction at a time (callers on several threads queue on a lock); every
/// storage method is one transaction, so a page's messages and its checkpoint commit together or not at all.
/// Methods are synchronous like `ArchiveStore`'s: they wait on the connection's event loop, which is never
/// the calling thread.
public final class PostgresArchive: @unchecked Sendable {
    /// Where the archive lives (safe to log: no password).
    public let location: PostgresLocation
    let connection: PostgresConnection
    let logger: Logger
    /// One transaction at a time on the connection. `@unchecked Sendable`: every use of `connection` is under it.
    private let lock = NSLock()

    /// The PostgreSQL schema the archive's tables live in (nil: the role's `search_path`, normally `public`).
    public let schema: String?

    /// Connects to the server at `location` (with `password`, if the server asks for one) and applies the
    /// archive's pending migrations. `schema` keeps the archive in its own PostgreSQL schema, created if
    /// needed (a letter or underscore, then letters, digits and underscores). Errors name the location, never
    /// the password.
    public init(location: PostgresLocation, password: String?, schema: String? = nil,
                connectTimeout: TimeAmount = .seconds(10)) throws(ArchiveError) {
        self.location = location
        if let schema, !Self.isPlainIdentifier(schema) {
            throw .openFailed(path: location.description, reason: "schema \"\(schema)\" is not a plain identifier")
        }
        self.schema = schema
        var logger = Logger(label: "tgcron.archive.postgres")
        logger.logLevel = .critical
        self.logger = logger
        var configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user, password: password,
            database: location.database, tls: .disable)
        configuration.options.connectTimeout = connectTimeout
        do {
            connection = try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: 1, logger: logger
            ).wait()
        } catch {
            throw Self.classify(error, location: location)
        }
        try migrate()
    }

    /// Whether `name` can be spelled in SQL without quoting.
    static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || ("a"..."z").contains(first) else { return false }
        return name.count <= 63 && name.unicodeScalars.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }

    deinit {
        // PostgresNIO requires a connection closed before it goes; the archive is never released on one
        // of the connection's event loop threads (nothing of it runs there), so waiting is safe.
        try? connection.close().wait()
    }

    /// Where the archive is, as errors name it: the location (no password).
    public var path: String { location.description }
    /// Always nil: PostgreSQL reports damage as errors of the statements that meet it.
    public var damage: String? { nil }

    /// Closes the connection; the archive is unusable after.
    public func close() {
        lock.lock()
        defer { lock.unlock() }
        try? connection.close().wait()
    }

    /// Runs `body` in one transaction: committed if it returns, rolled back if it throws.
    @discardableResult
    func transaction<T>(_ body: (Session) throws -> T) throws(ArchiveError) -> T {
        lock.lock()
        defer { lock.unlock() }
        let session = Session(connection: connection, logger: logger)
        do {
            try session.execute("BEGIN")
            let result: T
            do {
                result = try body(session)
            } catch {
                _ = try? session.execute("ROLLBACK")
                throw error
            }
            try session.execute("COMMIT")
            return result
        } catch let error as ArchiveError {
            throw error
        } catch {
            throw Self.classify(error, location: location)
        }
    }

    /// An `ArchiveError` for `error`: the server's message and SQLSTATE, or the client's error code; the
    /// location as given (no password), never the query's parameters.
    static func classify(_ error: any Error, location: PostgresLocation) -> ArchiveError {
        let place = location.description
        guard let error = error as? PSQLError else {
            if let error = error as? ArchiveError { return error }
            if let error = error as? PostgresError { return .database(path: place, reason: error.description) }
            return .database(path: place, reason: "\(type(of: error))")
        }
        if let info = error.serverInfo {
            let state = info[.sqlState] ?? "?"
            let message = info[.message] ?? "server error"
            if state == "53100" { return .diskFull(path: place) }
            if state == "25006" { return .readOnly(path: place) }
            if state.hasPrefix("28") || state == "3D000" || state.hasPrefix("08") {
                return .openFailed(path: place, reason: "\(message) (SQLSTATE \(state))")
            }
            return .database(path: place, reason: "\(message) (SQLSTATE \(state))")
        }
        switch error.code {
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .authMechanismRequiresPassword,
             .unsupportedAuthMechanism, .saslError:
            let cause = error.underlying.map { ": \($0)" } ?? ""
            return .openFailed(path: place, reason: "\(error.code)\(cause)")
        default:
            return .database(path: place, reason: "\(error.code)")
        }
    }
}

extension PostgresArchive {
    /// One transaction's statements, run in order on the archive's connection.
    struct Session {
        let connection: PostgresConnection
        let logger: Logger

        /// Runs `query` and returns its rows.
        @discardableResult
        func query(_ query: PostgresQuery) throws -> PostgresQueryResult {
            try connection.query(query, logger: logger).wait()
        }

        /// Runs `sql`: statements without parameters separated by `;` (none inside a literal), one by one.
        func script(_ sql: String) throws {
            for statement in sql.split(separator: ";") {
                let text = statement.trimmingCharacters(in: .whitespacesAndNewlines)
                if !text.isEmpty { try execute(PostgresQuery(unsafeSQL: text)) }
            }
        }

        /// Runs `query` and returns how many rows it changed.
        @discardableResult
        func execute(_ query: PostgresQuery) throws -> Int {
            try self.query(query).metadata.rows ?? 0
        }

        /// The first column of the first row, decoded as `T` (nil for no row or NULL).
        func scalar<T: PostgresDecodable>(_ query: PostgresQuery, as type: T.Type = T.self) throws -> T? where T._DecodableType == T {
            let rows = try self.query(query)
            guard let row = rows.first(where: { _ in true }) else { return nil }
            return try row.decode(T?.self)
        }

        /// The rows of `query`, whose one column is a JSON object per row, decoded as `T`.
        func records<T: Decodable>(_ query: PostgresQuery, as type: T.Type = T.self) throws -> [T] {
            try self.query(query).map { row in try RowJSON.decode(T.self, from: row.decode(String.self)) }
        }

        /// The first record of `query` (see `records`).
        func record<T: Decodable>(_ query: PostgresQuery, as type: T.Type = T.self) throws -> T? {
            try records(query, as: type).first
        }
    }
}
