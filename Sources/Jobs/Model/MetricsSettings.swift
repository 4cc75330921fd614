/// The `metrics:` block of the settings: Prometheus metrics as a text file and/or over HTTP.
public struct MetricsSettings: Hashable, Sendable {
    /// The file node_exporter's textfile collector reads (nil: no file).
    public var textfile: String?
    /// Where the daemon serves `/metrics` and `/healthz` (nil: no HTTP server).
    public var listen: ServerAddress?

    /// Metrics settings.
    public init(textfile: String? = nil, listen: ServerAddress? = nil) {
        self.textfile = textfile
        self.listen = listen
    }
}
