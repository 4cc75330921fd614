/// How log lines are written.
public enum LogFormat: String, CaseIterable, Hashable, Sendable {
    /// Human lines on a terminal, JSON lines otherwise (under systemd, cron or a pipe).
    case auto
    /// One readable line per event, for a terminal or the journal.
    case human
    /// One JSON object per line, for log shippers.
    case json
}
