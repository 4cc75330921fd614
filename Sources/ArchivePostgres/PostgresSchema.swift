import Archive
import PostgresNIO

/// The archive's schema on PostgreSQL as numbered migrations, named as on SQLite (`ArchiveSchema`) so the two
/// can be compared; `tgcron_migrations` records which ones a database has applied.
///
/// Differences from SQLite, by design: times are `timestamptz`, `raw` and keys are `bytea`; `v1` creates
/// `messages` without the JSON columns that `v6-lean` drops on SQLite (a PostgreSQL archive starts lean);
/// full-text search is PostgreSQL's own (`v6-lean`: a generated `tsvector` column with a GIN index) instead
/// of FTS5. Never edit a shipped migration: add the next one.
enum PostgresSchema {
    static let migrations: [(name: String, sql: String)] = [
        ("v1", v1),
        ("v2-changes", """
            CREATE TABLE changes (
                seq bigserial PRIMARY KEY,
                channel_id bigint NOT NULL,
                message_id integer NOT NULL,
                kind text NOT NULL CHECK (kind IN ('new', 'edited', 'deleted')),
                at timestamptz NOT NULL);
            CREATE TABLE sink_cursors (sink text PRIMARY KEY, seq bigint NOT NULL, updated_at timestamptz NOT NULL);
            """),
        ("v3-watch", """
            CREATE TABLE watch_state (channel_id bigint PRIMARY KEY, pts integer NOT NULL, updated_at timestamptz NOT NULL);
            """),
        ("v4-retired-keys", """
            ALTER TABLE sessions ADD COLUMN login_needed text, ADD COLUMN login_needed_at timestamptz;
            CREATE TABLE retired_auth_keys (
                id bigserial PRIMARY KEY,
                session text NOT NULL,
                dc_id integer NOT NULL,
                auth_key bytea NOT NULL,
                salts bytea,
                retired_at timestamptz NOT NULL);
            """),
        ("v5-media", """
            CREATE TABLE media (
                id bigserial PRIMARY KEY,
                channel_id bigint NOT NULL,
                message_id integer NOT NULL,
                file_id bigint NOT NULL,
                kind text NOT NULL,
                dc integer NOT NULL,
                size bigint NOT NULL,
                mime_type text,
                file_name text,
                width integer,
                height integer,
                duration double precision,
                location bytea NOT NULL,
                status text NOT NULL CHECK (status IN ('pending', 'partial', 'done', 'skipped', 'failed')),
                bytes_done bigint NOT NULL DEFAULT 0,
                sha256 text,
                path text,
                skip_reason text,
                error text,
                attempts integer NOT NULL DEFAULT 0,
                queued_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL,
                UNIQUE (channel_id, message_id, file_id));
            CREATE INDEX media_by_status ON media (channel_id, status);
            CREATE INDEX media_by_file ON media (file_id, status);
            CREATE TABLE media_days (day text PRIMARY KEY, bytes bigint NOT NULL);
            """),
        ("v6-lean", """
            ALTER TABLE messages ADD COLUMN sender_id bigint, ADD COLUMN media_size bigint, ADD COLUMN media_mime text,
                ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(text, ''))) STORED;
            CREATE INDEX messages_search ON messages USING gin (search);
            """),
        ("v7-senders-comments", """
            CREATE TABLE users (
                id bigint PRIMARY KEY,
                kind text NOT NULL CHECK (kind IN ('user', 'channel', 'chat')),
                username text,
                first_name text,
                last_name text,
                title text,
                bot boolean NOT NULL DEFAULT false,
                last_seen timestamptz NOT NULL);
            ALTER TABLE messages ADD COLUMN thread_id integer, ADD COLUMN comment_of integer;
            CREATE INDEX messages_by_thread ON messages (channel_id, thread_id) WHERE thread_id IS NOT NULL;
            ALTER TABLE channels ADD COLUMN discussion_id bigint;
            """),
        ("v8-joins-topics", """
            CREATE TABLE invite_links (
                link_digest text PRIMARY KEY,
                state text NOT NULL,
                channel_id bigint,
                access_hash bigint,
                title text,
                requested_at timestamptz,
                joined_at timestamptz,
                updated_at timestamptz NOT NULL);
            CREATE TABLE forum_topics (
                channel_id bigint NOT NULL,
                topic_id integer NOT NULL,
                title text NOT NULL,
                date bigint,
                closed boolean NOT NULL DEFAULT false,
                hidden boolean NOT NULL DEFAULT false,
                deleted boolean NOT NULL DEFAULT false,
                updated_at timestamptz NOT NULL,
                PRIMARY KEY (channel_id, topic_id));
            ALTER TABLE messages ADD COLUMN topic_id integer;
            CREATE INDEX messages_topic ON messages (channel_id, topic_id);
            """),
        // SQLite's FTS5 prefix index; PostgreSQL's search is the `tsvector` of `v6-lean`: nothing to do, named so
        // the two lists stay comparable.
        ("v9-lean-text", ""),
        // The governor's state per account (the one row becomes the default account's), as on SQLite.
        ("v10-accounts", """
            ALTER TABLE governor_state ADD COLUMN account text NOT NULL DEFAULT 'default';
            ALTER TABLE governor_state DROP COLUMN id;
            ALTER TABLE governor_state ADD PRIMARY KEY (account);
            ALTER TABLE governor_state ALTER COLUMN account DROP DEFAULT;
            """),
        ("v11-runners", """
            CREATE TABLE runners (
                name text PRIMARY KEY,
                host text NOT NULL,
                pid integer NOT NULL,
                started_at timestamptz NOT NULL,
                heartbeat_at timestamptz NOT NULL);
            CREATE TABLE account_leases (
                account text PRIMARY KEY,
                runner text,
                acquired_at timestamptz,
                renewed_at timestamptz,
                expires_at timestamptz);
            """),
        // SQLite's search index moves from triggers to the page commit (nothing of that here: the `tsvector` is
        // a generated column); the topic index keeps only forum messages, as on SQLite.
        ("v12-lean-writes", """
            DROP INDEX messages_topic;
            CREATE INDEX messages_topic ON messages (channel_id, topic_id) WHERE topic_id IS NOT NULL;
            """),
        // SQLite's change log is rebuilt to check its kind without an `IN` list (a per-row ephemeral table there);
        // PostgreSQL evaluates the same constraint without such a cost: nothing changes, the numbering keeps step.
        ("v13-change-log-check", ""),
        // SQLite's search index loses the FTS5 prefix index of `v9-lean-text`: nothing of that here either.
        ("v14-search-without-prefix", ""),
    ]

    private static let v1 = """
        CREATE TABLE channels (
            id bigint PRIMARY KEY,
            access_hash bigint,
            username text,
            title text NOT NULL,
            first_seen timestamptz NOT NULL,
            last_seen timestamptz NOT NULL);
        CREATE TABLE messages (
            channel_id bigint NOT NULL REFERENCES channels ON DELETE RESTRICT,
            id integer NOT NULL,
            kind text NOT NULL,
            date bigint,
            edit_date bigint,
            text text,
            views bigint,
            forwards bigint,
            replies bigint,
            reply_to integer,
            grouped_id bigint,
            post_author text,
            media_kind text,
            media_digest bigint,
            action_kind text,
            raw bytea NOT NULL,
            layer integer NOT NULL,
            archived_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL,
            deleted_at timestamptz,
            PRIMARY KEY (channel_id, id));
        CREATE INDEX messages_by_date ON messages (channel_id, date);
        CREATE TABLE message_versions (
            id bigserial PRIMARY KEY,
            channel_id bigint NOT NULL,
            message_id integer NOT NULL,
            replaced_at timestamptz NOT NULL,
            edit_date bigint,
            text text,
            media_kind text,
            raw bytea NOT NULL,
            layer integer NOT NULL,
            FOREIGN KEY (channel_id, message_id) REFERENCES messages (channel_id, id) ON DELETE RESTRICT);
        CREATE INDEX message_versions_by_message ON message_versions (channel_id, message_id);
        CREATE TABLE checkpoints (
            job text NOT NULL,
            channel_id bigint NOT NULL REFERENCES channels ON DELETE RESTRICT,
            head integer,
            tail integer,
            window_start timestamptz,
            window_start_reached boolean NOT NULL DEFAULT false,
            updated_at timestamptz NOT NULL,
            PRIMARY KEY (job, channel_id));
        CREATE TABLE runs (
            id bigserial PRIMARY KEY,
            job text NOT NULL,
            channel_id bigint,
            started_at timestamptz NOT NULL,
            ended_at timestamptz,
            status text NOT NULL,
            messages_new bigint NOT NULL DEFAULT 0,
            messages_updated bigint NOT NULL DEFAULT 0,
            requests bigint NOT NULL DEFAULT 0,
            flood_waits bigint NOT NULL DEFAULT 0,
            deferral_reason text,
            error text);
        CREATE INDEX runs_by_job ON runs (job, channel_id, started_at);
        CREATE TABLE audit_log (
            id bigserial PRIMARY KEY,
            time timestamptz NOT NULL,
            method text NOT NULL,
            peer text,
            count bigint,
            duration_ms bigint NOT NULL,
            error text);
        CREATE INDEX audit_log_by_time ON audit_log (time);
        CREATE TABLE sessions (
            name text PRIMARY KEY,
            home_dc integer NOT NULL,
            user_id bigint,
            dc_options bytea,
            takeout_id bigint,
            updated_at timestamptz NOT NULL);
        CREATE TABLE auth_keys (
            session text NOT NULL REFERENCES sessions ON DELETE CASCADE,
            dc_id integer NOT NULL,
            auth_key bytea NOT NULL,
            salts bytea,
            updated_at timestamptz NOT NULL,
            PRIMARY KEY (session, dc_id));
        CREATE TABLE peers (
            username text NOT NULL,
            peer_id bigint NOT NULL,
            access_hash bigint,
            title text,
            resolved_at timestamptz NOT NULL);
        CREATE UNIQUE INDEX peers_by_username ON peers (lower(username));
        CREATE TABLE governor_state (
            id integer PRIMARY KEY CHECK (id = 1),
            version bigint NOT NULL,
            state bytea NOT NULL,
            updated_at timestamptz NOT NULL);
        """
}

extension PostgresArchive {
    /// A key for `pg_advisory_xact_lock` that serializes migrations across processes ("tgcron" in ASCII).
    private static let migrationLock: Int64 = 0x7467_6372_6f6e

    /// Applies pending migrations, each in its own transaction, with other processes waiting on an advisory
    /// lock meanwhile. Refuses a database that has migrations this build does not know (`schemaTooNew`).
    func migrate() throws(ArchiveError) {
        try transaction { session in
            try session.execute("SET TIME ZONE 'UTC'")
            if let schema {
                try session.script("CREATE SCHEMA IF NOT EXISTS \(schema); SET search_path TO \(schema)")
            }
        }
        // `SET` inside a committed transaction stays for the session.
        try transaction { session in
            try session.execute("SELECT pg_advisory_xact_lock(\(Self.migrationLock))")
            try session.execute("""
                CREATE TABLE IF NOT EXISTS tgcron_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())
                """)
            let applied = try Set(session.query("SELECT name FROM tgcron_migrations").map { try $0.decode(String.self) })
            let known = Set(PostgresSchema.migrations.map(\.name))
            guard applied.isSubset(of: known) else { throw ArchiveError.schemaTooNew(path: location.description) }
            for migration in PostgresSchema.migrations where !applied.contains(migration.name) {
                try session.script(migration.sql)
                try session.execute("INSERT INTO tgcron_migrations (name) VALUES (\(migration.name))")
            }
        }
    }

    /// The migrations this database has applied and the ones this build knows, in order.
    public func schemaMigrations() throws(ArchiveError) -> (applied: [String], known: [String]) {
        let applied = try transaction { session in
            try session.query("SELECT name FROM tgcron_migrations").map { try $0.decode(String.self) }
        }
        // In the order they are declared (several applied in one transaction share their time).
        let known = PostgresSchema.migrations.map(\.name)
        return (applied.sorted { (known.firstIndex(of: $0) ?? .max, $0) < (known.firstIndex(of: $1) ?? .max, $1) }, known)
    }
}

extension PostgresArchive {
    /// Drops the archive's own schema (`schema`) and every table in it: the archive is gone. Refused for an
    /// archive without its own schema.
    public func dropSchema() throws(ArchiveError) {
        guard let schema else {
            throw .database(path: location.description, reason: "the archive has no schema of its own to drop")
        }
        try transaction { session in try session.script("DROP SCHEMA \(schema) CASCADE") }
    }
}
