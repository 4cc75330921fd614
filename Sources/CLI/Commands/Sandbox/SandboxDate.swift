import Foundation

/// ISO 8601 moments on the sandbox command line (`2026-01-02T00:00:00Z`, fractional seconds allowed).
enum SandboxDate {
    /// Parses `text`, failing with a one-line error.
    static func parse(_ text: String) throws -> Date {
        let plain = ISO8601DateFormatter()
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let date = plain.date(from: text) ?? fractional.date(from: text) else {
            throw CLIFailure("\"\(text)\" is not an ISO 8601 moment like 2026-01-02T00:00:00Z")
        }
        return date
    }
}
