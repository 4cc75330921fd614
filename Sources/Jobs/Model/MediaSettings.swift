/// The `media:` block of the settings: where downloaded files go and how fast they are fetched.
public struct MediaSettings: Hashable, Sendable {
    /// The content-addressed store's folder; nil for `media/` beside the archive database.
    public var root: String?
    /// File parts in flight at once.
    public var parallel: Int
    /// The most bytes per second downloaded; nil for no cap beyond the governor's.
    public var maxRate: Int64?

    /// Settings; by default beside the database, 4 parts in flight, no byte rate cap.
    public init(root: String? = nil, parallel: Int = 4, maxRate: Int64? = nil) {
        self.root = root
        self.parallel = parallel
        self.maxRate = maxRate
    }
}
