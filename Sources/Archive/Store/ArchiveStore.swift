import Foundation
import GRDB
import Synchronization

/// The archive: one SQLite database (WAL mode, mode 0600) holding messages, checkpoints, runs and the
/// client's session, reached through a few methods that each run one transaction.
///
/// It uses a `DatabasePool`: in WAL mode readers never block the writer, so an export or a status report
/// streaming over a long read does not stall page commits, and page commits never make a reader wait.
/// Write transactions are `IMMEDIATE`, so two processes sharing the file queue on the busy timeout instead of
/// deadlocking on a lock upgrade.
///
/// Commits use WAL with `synchronous = NORMAL`: a commit survives the process being killed at any moment, and
/// a power cut can only take back the last commits whole, never part of one. Every page commits with its
/// checkpoint, so what a power cut takes back is fetched again by the next run; syncing every page instead
/// (`FULL`) cost a tenth of the CPU of a backfill.
public final class ArchiveStore: Sendable {
    /// The database file.
    public let path: String
    let pool: DatabasePool
    /// Why SQLite found the database damaged, once it has: from then on every write is refused.
    private let damageFound = Mutex<String?>(nil)

    /// Opens (creating it if needed) the archive at `path` and applies pending migrations.
    ///
    /// Opening for writing first runs SQLite's `quick_check`, so a damaged archive is refused before
    /// anything is written into it (`.corrupt`).
    ///
    /// The file is created with mode 0600 before SQLite sees it (its `-wal`/`-shm` companions inherit that
    /// mode), and an existing file or companion loses any group or other permission. `readOnly` opens an
    /// existing archive without ever writing to it (for status and export). `busyTimeout` is how long a
    /// write waits for another process's transaction.
    public init(path: String, readOnly: Bool = false, busyTimeout: TimeInterval = 10) throws(ArchiveError) {
        self.path = path
        if let damage = try Self.inspectExisting(path, quickCheck: !readOnly) {
            throw .corrupt(path: path, reason: damage)
        }
        if readOnly {
            guard FileManager.default.fileExists(atPath: path) else {
                throw .openFailed(path: path, reason: "no such file")
            }
        } else {
            try DatabaseFileMode.createIfMissing(path)
            try DatabaseFileMode.securePrivateMode(path)
        }
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "archive"
        configuration.prepareDatabase { db in
            // Pages are appended and read back in id order, so a small page cache misses little: 512 KiB per
            // connection instead of SQLite's 2 MB kept a 188k-message backfill's peak RSS 2.4 MB lower at
            // the same CPU.
            try db.execute(sql: "PRAGMA cache_size = -512")
        }
        do {
            pool = try DatabasePool(path: readOnly ? Self.readingPath(path) : path, configuration: configuration)
        } catch {
            throw ArchiveError.classify(error, path: path)
        }
        try prepareSchema(readOnly: readOnly)
        if !readOnly {
            try DatabaseFileMode.securePrivateMode(path)
        }
    }

    /// What SQLite opens to only read the archive at `path`: the path itself, or on a read-only filesystem,
    /// where a WAL database cannot get its `-shm` file, the path as a URI that opens it immutable (no locks,
    /// no `-shm`; right only where nothing can write the file). A `-wal` left beside it keeps the plain path:
    /// immutable reading would ignore the commits in it. See https://www.sqlite.org/uri.html.
    static func readingPath(_ path: String) -> String {
        let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? Int ?? 0
        guard wal == 0, !DatabaseFileMode.companionsCanBeCreated(beside: path) else { return path }
        var escaped = ""
        for character in path {
            switch character {
            case "%": escaped += "%25"
            case "?": escaped += "%3f"
            case "#": escaped += "%23"
            default: escaped.append(character)
            }
        }
        return "file:\(escaped)?immutable=1"
    }

    /// The files of the archive at `path`: the database and the companions SQLite keeps beside it.
    public static func files(ofDatabase path: String) -> [String] {
        [path] + DatabaseFileMode.companions(of: path)
    }

    /// Throws `.foreignDatabase` if the file at `path` is another application's SQLite database; an absent
    /// or empty file, or a tgcron archive, passes. Reads only.
    public static func refuseForeignDatabase(at path: String) throws(ArchiveError) {
        _ = try inspectExisting(path, quickCheck: false)
    }

    /// Looks at an existing, non-empty database file read-only, before anything (mode, journal mode, schema)
    /// could change it: throws `.foreignDatabase` if it is an SQLite database without tgcron's migrations
    /// table, and with `quickCheck` returns what SQLite's `quick_check` finds damaged (nil if nothing).
    private static func inspectExisting(_ path: String, quickCheck: Bool) throws(ArchiveError) -> String? {
        guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > 0 else { return nil }
        var configuration = Configuration()
        configuration.readonly = true
        do {
            let probe = try DatabaseQueue(path: readingPath(path), configuration: configuration)
            defer { try? probe.close() }
            return try probe.read { db in
                let isEmpty = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0 == 0
                if try !isEmpty && !db.tableExists("grdb_migrations") { throw ArchiveError.foreignDatabase(path: path) }
                guard quickCheck else { return nil }
                let rows = try String.fetchAll(db, sql: "PRAGMA quick_check(3)")
                return rows == ["ok"] ? nil : "quick_check: " + rows.joined(separator: "; ")
            }
        } catch {
            throw ArchiveError.classify(error, path: path)
        }
    }

    private func prepareSchema(readOnly: Bool) throws(ArchiveError) {
        let migrator = ArchiveSchema.migrator
        try access { () throws in
            let (superseded, complete) = try pool.read { db in
                (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db))
            }
            if superseded { throw ArchiveError.schemaTooNew(path: path) }
            if complete { return }
            if readOnly { throw ArchiveError.openFailed(path: path, reason: "the archive needs migrating; open it for writing once") }
            try migrator.migrate(pool)
        }
    }

    /// Why the archive was found damaged in this process, or nil; a damaged archive refuses every write.
    public var damage: String? {
        damageFound.withLock { $0 }
    }

    /// Runs `body`, turning any GRDB/SQLite error into an `ArchiveError` that names the file; SQLite's
    /// report of damage on any statement marks the archive damaged.
    func access<T>(_ body: () throws -> T) throws(ArchiveError) -> T {
        do {
            return try body()
        } catch {
            let failure = ArchiveError.classify(error, path: path)
            if case .corrupt(_, let reason) = failure {
                damageFound.withLock { if $0 == nil { $0 = reason } }
            }
            throw failure
        }
    }

    /// Runs `updates` in one IMMEDIATE write transaction; any error rolls everything back. Refused once
    /// the archive is known to be damaged.
    func write<T>(_ updates: (Database) throws -> T) throws(ArchiveError) -> T {
        if let damage { throw .corrupt(path: path, reason: damage) }
        return try access { try pool.write(updates) }
    }

    /// Runs `reads` in one read transaction (a consistent snapshot).
    func read<T>(_ reads: (Database) throws -> T) throws(ArchiveError) -> T {
        try access { try pool.read(reads) }
    }
}
