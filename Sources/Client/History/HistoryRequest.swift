import TL

/// Which part of one peer's history to read, and how.
public struct HistoryRequest: Sendable, Equatable {
    /// The largest page Telegram serves.
    public static let maxPageSize = 100

    /// The chat read.
    public var peer: Api.InputPeer
    /// The reading direction.
    public var direction: HistoryDirection
    /// Only ids above this (exclusive; 0: from the first message).
    public var minID: Int
    /// Only ids below this (exclusive; 0: up to the newest message).
    public var maxID: Int
    /// Only messages dated at or after this unix time (nil: no bound).
    public var minDate: Int?
    /// Only messages dated before this unix time (nil: no bound).
    public var maxDate: Int?
    /// Messages per request, at most 100.
    public var pageSize: Int

    /// Reads `peer` in `direction` between the exclusive id bounds and the date bounds, 100 per page.
    public init(
        peer: Api.InputPeer, direction: HistoryDirection, minID: Int = 0, maxID: Int = 0, minDate: Int? = nil,
        maxDate: Int? = nil, pageSize: Int = HistoryRequest.maxPageSize
    ) {
        self.peer = peer
        self.direction = direction
        self.minID = max(minID, 0)
        self.maxID = max(maxID, 0)
        self.minDate = minDate
        self.maxDate = maxDate
        self.pageSize = min(max(pageSize, 1), Self.maxPageSize)
    }

    /// Whether `message` falls inside the bounds.
    func contains(_ message: Api.Message) -> Bool {
        let id = message.messageID
        if minID > 0, id <= minID { return false }
        if maxID > 0, id >= maxID { return false }
        if let date = message.unixDate {
            if let minDate, date < minDate { return false }
            if let maxDate, date >= maxDate { return false }
        }
        return true
    }
}
