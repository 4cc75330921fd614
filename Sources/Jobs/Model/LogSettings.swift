/// The `log:` block of the settings.
public struct LogSettings: Hashable, Sendable {
    /// How log lines are written.
    public var format: LogFormat
    /// The least severe level written.
    public var level: LogLevel

    /// Human-readable lines at `info` by default.
    public init(format: LogFormat = .human, level: LogLevel = .info) {
        self.format = format
        self.level = level
    }
}
