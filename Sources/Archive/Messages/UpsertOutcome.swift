/// What storing one message of a page did, in any archive.
public enum UpsertOutcome: Sendable {
    /// Archived for the first time.
    case new
    /// The row changed (counters, edit date, a deletion mark), its content did not.
    case updated
    /// Received again exactly as stored.
    case unchanged
    /// The content changed: the previous content went to `message_versions`.
    case versioned
}

extension PageCommitResult {
    /// Counts one message's outcome.
    public mutating func count(_ outcome: UpsertOutcome) {
        switch outcome {
        case .new: new += 1
        case .updated: updated += 1
        case .unchanged: unchanged += 1
        case .versioned:
            updated += 1
            versioned += 1
        }
    }
}
