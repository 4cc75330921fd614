import TL

/// `messages.getHistory` paging exactly as Telegram applies it (https://core.telegram.org/api/offsets).
///
/// The list is the channel's existing messages, newest first. The slice starts at
/// `offsetFromID + add_offset`, where offsetFromID counts the messages at or above `offset_id`
/// (and at or after `offset_date`), and holds `limit` entries, cut to the list's ends (a negative
/// start shrinks the slice). `max_id` and `min_id` then filter the slice (exclusive bounds).
public struct HistoryQuery: Sendable, Equatable {
    /// The largest page Telegram answers.
    public static let maxLimit = 100
    /// The page size for `limit` ≤ 0.
    public static let defaultLimit = 20

    /// Messages with ids ≥ this are skipped (0: none).
    public var offsetID: Int
    /// Messages dated ≥ this are skipped (0: none).
    public var offsetDate: Int
    /// Added to the skipped count; negative values reach newer messages.
    public var addOffset: Int
    /// The requested page size.
    public var limit: Int
    /// Only ids below this are returned (0: no bound).
    public var maxID: Int
    /// Only ids above this are returned (0: no bound).
    public var minID: Int

    /// Creates a query from its fields.
    public init(offsetID: Int = 0, offsetDate: Int = 0, addOffset: Int = 0, limit: Int, maxID: Int = 0, minID: Int = 0) {
        self.offsetID = offsetID
        self.offsetDate = offsetDate
        self.addOffset = addOffset
        self.limit = limit
        self.maxID = maxID
        self.minID = minID
    }

    /// The query of a `messages.getHistory` request.
    public init(_ request: Api.Messages.GetHistory) {
        self.init(
            offsetID: Int(request.offsetId), offsetDate: Int(request.offsetDate), addOffset: Int(request.addOffset),
            limit: Int(request.limit), maxID: Int(request.maxId), minID: Int(request.minId))
    }

    /// The page size actually served.
    public var effectiveLimit: Int { limit <= 0 ? Self.defaultLimit : min(limit, Self.maxLimit) }

    /// The ids answered at `now`, newest first; touches only the page, the offset and O(log n) probes.
    public func ids(in channel: SyntheticChannel, at now: Int64) -> [Int] {
        ids(in: channel.timeline, at: now)
    }

    /// The ids answered at `now` from any chat's timeline (a channel's or its discussion group's), newest first.
    func ids(in timeline: some MessageTimeline, at now: Int64) -> [Int] {
        let top = timeline.maxID(at: now)
        let total = timeline.existingCount(through: top, at: now)
        var skipped = 0
        if offsetID > 0 {
            skipped = total - timeline.existingCount(through: min(offsetID - 1, top), at: now)
        }
        if offsetDate > 0 {
            let firstAtOrAfter = Self.firstID(in: 1...(top + 1)) { id in id > top || timeline.date(id) >= Int64(offsetDate) }
            skipped = max(skipped, total - timeline.existingCount(through: firstAtOrAfter - 1, at: now))
        }
        let lower = max(skipped + addOffset, 0)
        let upper = min(skipped + addOffset + effectiveLimit, total)
        guard lower < upper else { return [] }
        // The newest id in the slice is the existing id with exactly `total - lower` existing ids at or below it.
        let rank = total - lower
        var id = Self.firstID(in: 1...top) { timeline.existingCount(through: $0, at: now) >= rank }
        var page: [Int] = []
        while page.count < upper - lower && id >= 1 {
            if timeline.exists(id, postedBy: now) { page.append(id) }
            id -= 1
        }
        return page.filter { (maxID <= 0 || $0 < maxID) && (minID <= 0 || $0 > minID) }
    }

    /// The ids answered from an explicit list (ascending, with their dates), as `ids(in:at:)` pages a timeline;
    /// for lists such as a thread's comments.
    func ids(inAscending list: [Int], date: (Int) -> Int64) -> [Int] {
        var skipped = 0
        if offsetID > 0 { skipped = list.count { $0 >= offsetID } }
        if offsetDate > 0 { skipped = max(skipped, list.count { date($0) >= Int64(offsetDate) }) }
        let lower = max(skipped + addOffset, 0)
        let upper = min(skipped + addOffset + effectiveLimit, list.count)
        guard lower < upper else { return [] }
        return list.reversed()[lower..<upper].filter { (maxID <= 0 || $0 < maxID) && (minID <= 0 || $0 > minID) }
    }

    /// The smallest id in `range` for which the monotone `predicate` holds (the range's end + 1 if none).
    static func firstID(in range: ClosedRange<Int>, where predicate: (Int) -> Bool) -> Int {
        var low = range.lowerBound, high = range.upperBound + 1
        while low < high {
            let middle = low + (high - low) / 2
            if predicate(middle) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// Telegram's list hash over result ids (https://core.telegram.org/api/offsets#hash-generation).
    public static func hash(ids: [Int]) -> Int64 {
        var hash: UInt64 = 0
        for id in ids {
            hash ^= hash >> 21
            hash ^= hash << 35
            hash ^= hash >> 4
            hash &+= UInt64(bitPattern: Int64(id))
        }
        return Int64(bitPattern: hash)
    }
}
