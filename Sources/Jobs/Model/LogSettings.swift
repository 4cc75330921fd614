/// The `log:` block of the settings.
public struct LogSettings: Hashable, Sendable {
    /// How log lines are written.
    public var format: LogFormat
    /// The least severe level written.
    public var level: LogLevel

    /// Human lines on a terminal and JSON otherwise, at `info`, by default.
    public init(format: LogFormat = .auto, level: LogLevel = .info) {
        self.format = format
        self.level = level
    }
}
