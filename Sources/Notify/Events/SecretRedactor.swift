import Foundation

/// Replaces known secret values (bot token, API hash, phone, passwords) in text that leaves the process.
///
/// It works on the values, not on patterns, so it catches a secret wherever an error message quotes it.
/// Values shorter than `minimumLength` are ignored: redacting "1" everywhere would only garble the text.
public struct SecretRedactor: Sendable {
    /// What a secret is replaced with.
    public static let replacement = "[redacted]"
    /// The shortest value treated as a secret.
    public static let minimumLength = 4
    private let secrets: [String]

    /// A redactor for `secrets` (empty and very short values are skipped).
    public init(secrets: [String]) {
        self.secrets = Set(secrets.filter { $0.count >= Self.minimumLength }).sorted { $0.count > $1.count }
    }

    /// `text` with every occurrence of every secret replaced.
    public func redact(_ text: String) -> String {
        secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: Self.replacement) }
    }
}
