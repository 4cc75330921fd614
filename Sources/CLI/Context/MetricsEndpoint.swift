import Archive
import Jobs
import Metrics

/// The daemon's `/metrics` and `/healthz` listener, when the settings give `metrics.listen`.
enum MetricsEndpoint {
    static func start(_ address: ServerAddress?, store: any ArchiveStorage) async throws -> MetricsHTTPServer? {
        guard let address else { return nil }
        guard let store = store as? ArchiveStore else {
            throw CLIFailure("metrics.listen \(address): the metrics read the SQLite archive; they are not available with archive.url yet")
        }
        do {
            return try await MetricsHTTPServer.start(host: address.host, port: address.port, archive: store,
                                                  version: BuildInfo.version)
        } catch {
            throw CLIFailure("metrics.listen \(address): \(error)")
        }
    }
}
