import CSQLiteConfig

/// SQLite's process-wide settings, applied once before the first connection opens.
///
/// Memory statistics are turned off (`SQLITE_CONFIG_MEMSTATUS`): kept, they take a global mutex around every
/// allocation SQLite makes, 4.7% of a backfill's CPU (perf, 20,000 messages, `bench/results/lean.md`, session
/// 9), for figures tgcron never reads.
public enum SQLiteProcessSettings {
    /// Applies the settings; a call after SQLite has started, or after the first call, changes nothing.
    public static func apply() {
        _ = applied
    }

    private static let applied: Void = {
        _ = tgcron_sqlite_disable_memory_statistics()  // SQLITE_MISUSE once SQLite has started: nothing to do then
    }()
}
