/// What happened to a message, as the change log records it for downstream sinks.
public enum ChangeKind: String, Codable, Sendable, CaseIterable {
    /// The message was archived for the first time.
    case new
    /// Its text, entities, media or action changed (counter-only updates are not logged).
    case edited
    /// The archive noticed it was deleted.
    case deleted
}
