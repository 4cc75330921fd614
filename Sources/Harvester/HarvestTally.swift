/// What one run did so far.
public struct HarvestTally: Sendable, Equatable {
    /// Messages archived for the first time.
    public var new = 0
    /// Archived messages whose row changed (counters, edits).
    public var updated = 0
    /// Updated messages whose content changed (a version row was written).
    public var versioned = 0
    /// Archived messages newly marked deleted.
    public var deleted = 0
    /// Pages committed.
    public var pages = 0
    /// API requests made.
    public var requests = 0
    /// FLOOD_WAIT answers received.
    public var floodWaits = 0
    /// The longest FLOOD_WAIT received, in seconds.
    public var longestFloodWait = 0
    /// Files queued in the media ledger.
    public var mediaQueued = 0
    /// Files stored (downloaded, or shared with a row already holding them).
    public var mediaStored = 0
    /// Media bytes downloaded.
    public var mediaBytes: Int64 = 0
    /// Failed download attempts.
    public var mediaFailures = 0

    /// Nothing done yet.
    public init() {}
}
