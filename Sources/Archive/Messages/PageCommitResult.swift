/// What a page commit did with each message: `new + updated + unchanged` is the page's size.
public struct PageCommitResult: Equatable, Sendable {
    /// Messages archived for the first time.
    public var new = 0
    /// Archived messages whose row changed (edits, counters, deletions seen as `messageEmpty`).
    public var updated = 0
    /// Archived messages received again exactly as stored.
    public var unchanged = 0
    /// The updated messages whose content changed, so their previous content went to `message_versions`.
    public var versioned = 0
    /// Files newly queued in the media ledger with the page.
    public var mediaQueued = 0

    /// Counts.
    public init(new: Int = 0, updated: Int = 0, unchanged: Int = 0, versioned: Int = 0) {
        self.new = new
        self.updated = updated
        self.unchanged = unchanged
        self.versioned = versioned
    }
}
