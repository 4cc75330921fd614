/// Which messages of a channel a job archives. Every bound is optional and they combine: a message
/// must satisfy all that are set.
public struct MessageWindow: Hashable, Sendable {
    /// Messages posted at or after this time.
    public var since: WindowBound?
    /// Messages posted before this time.
    public var until: WindowBound?
    /// Messages with an id of at least this.
    public var minID: Int?
    /// Messages with an id of at most this.
    public var maxID: Int?

    /// A window; the default one takes every message.
    public init(since: WindowBound? = nil, until: WindowBound? = nil, minID: Int? = nil, maxID: Int? = nil) {
        self.since = since
        self.until = until
        self.minID = minID
        self.maxID = maxID
    }
}
