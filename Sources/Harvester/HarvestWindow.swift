import Foundation

/// A job's message window resolved for one run: absolute dates and inclusive id bounds, every one optional.
public struct HarvestWindow: Sendable, Equatable {
    /// Messages posted at or after this instant.
    public var since: Date?
    /// Messages posted before this instant.
    public var until: Date?
    /// Messages with an id of at least this.
    public var minID: Int?
    /// Messages with an id of at most this.
    public var maxID: Int?

    /// A window; the default takes every message.
    public init(since: Date? = nil, until: Date? = nil, minID: Int? = nil, maxID: Int? = nil) {
        self.since = since
        self.until = until
        self.minID = minID
        self.maxID = maxID
    }

    /// The exclusive lower id bound of a history request (0: none).
    var requestMinID: Int { minID.map { max($0 - 1, 0) } ?? 0 }
    /// The exclusive upper id bound of a history request (0: none).
    var requestMaxID: Int { maxID.map { $0 + 1 } ?? 0 }
    /// `since` as unix seconds.
    var sinceUnix: Int? { since.map { Int($0.timeIntervalSince1970.rounded(.up)) } }
    /// `until` as unix seconds.
    var untilUnix: Int? { until.map { Int($0.timeIntervalSince1970.rounded(.up)) } }
}
