/// The ids, dates and fates (deletion, edit) of one channel's messages over simulated time.
///
/// History ids `1...size` are spread between `start` and genesis. In each block of 16 history ids
/// exactly `deletedPerBlock` are gaps, so counting existing ids below any id is O(1) plus a scan of
/// one block. Ids after `size` are posted every `interval` seconds after genesis; some are edited or
/// deleted within six hours of posting. All of it is a pure function of (seed, channel, id, now).
struct ChannelTimeline: MessageTimeline {
    /// Ids per deletion block.
    static let blockSize = 16
    /// The longest album (consecutive ids sharing a `grouped_id`), always at the start of a block.
    static let albumMaxLength = 4
    /// Shortest and longest delay, in seconds, of an edit or deletion after a post.
    static let lateDelay = 60..<21_600

    let seed: UInt64
    let channelKey: UInt64
    /// Ids at genesis.
    let size: Int
    /// Unix time of message 1's slot.
    let start: Int64
    /// Unix time of genesis.
    let genesis: Int64
    /// Seconds between posts after genesis.
    let interval: Double
    /// Gaps per block of 16 history ids.
    let deletedPerBlock: Int
    let editedFraction: Double
    let deletedFraction: Double
    let albumFraction: Double
    /// Whether id 1 is the channel-creation service message (never deleted).
    let keepsFirst: Bool

    /// Unix seconds of `id`'s slot; dates are drawn inside `slot(id)..<slot(id + 1)`, so they never decrease.
    func slot(_ id: Int) -> Int64 {
        if id <= size {
            return start + Int64(id - 1) * (genesis - start) / Int64(size)
        }
        return genesis + 1 + Int64((Double(id - size - 1) * interval).rounded(.down))
    }

    /// The posting date of `id` (unix seconds).
    func date(_ id: Int) -> Int64 {
        let low = slot(id)
        let high = id == size ? genesis : slot(id + 1)
        guard high - low > 1 else { return low }
        var draw = Draw(seed, channelKey, UInt64(id), DrawPurpose.date.rawValue)
        return low + Int64(draw.below(Int(high - low)))
    }

    /// The highest id posted by `now` (never below `size`: the world opens at genesis).
    func maxID(at now: Int64) -> Int {
        guard now > genesis else { return size }
        var candidate = size + max(0, Int((Double(now - genesis - 1) / interval).rounded(.down)) + 1)
        while candidate > size && date(candidate) > now { candidate -= 1 }
        while date(candidate + 1) <= now { candidate += 1 }
        return candidate
    }

    // MARK: Albums

    /// How many ids at the start of `id`'s block form an album (0 when the block has none).
    func albumLength(block: Int) -> Int {
        var draw = Draw(seed, channelKey, UInt64(block), DrawPurpose.album.rawValue)
        guard draw.chance(albumFraction) else { return 0 }
        return 2 + draw.below(Self.albumMaxLength - 1)
    }

    /// The album `id` belongs to, as (grouped_id, first id), or nil.
    func album(of id: Int) -> (groupedID: Int64, first: Int)? {
        let block = (id - 1) / Self.blockSize
        let position = (id - 1) % Self.blockSize
        let first = block * Self.blockSize + 1
        guard position < albumLength(block: block), !(keepsFirst && first == 1) else { return nil }
        let key = Draw.mix(seed ^ channelKey ^ UInt64(block))
        return (Int64(bitPattern: key & 0x7FFF_FFFF_FFFF_FFFF), first)
    }

    // MARK: Deletions

    /// Whether history id `id` (≤ size) is one of its block's gaps.
    func isHistoryGap(_ id: Int) -> Bool {
        historyGaps(block: (id - 1) / Self.blockSize).contains(id)
    }

    /// The gaps of history block `block` (whose first id is at most `size`).
    func historyGaps(block: Int) -> [Int] {
        let first = block * Self.blockSize + 1
        let last = min(first + Self.blockSize - 1, size)
        let reserved = (first..<first + albumLength(block: block)).filter { album(of: $0) != nil }
        var ranked: [(key: UInt64, id: Int)] = []
        for candidate in first...last where !reserved.contains(candidate) && !(keepsFirst && candidate == 1) {
            var draw = Draw(seed, channelKey, UInt64(candidate), DrawPurpose.deletion.rawValue)
            ranked.append((draw.next(), candidate))
        }
        ranked.sort { $0.key < $1.key }
        return ranked.prefix(deletedPerBlock).map(\.id)
    }

    /// When a post after genesis is deleted (unix seconds), or nil if it never is.
    func lateDeletion(_ id: Int) -> Int64? {
        guard id > size, album(of: id) == nil else { return nil }
        var draw = Draw(seed, channelKey, UInt64(id), DrawPurpose.lateDeletion.rawValue)
        guard draw.chance(deletedFraction) else { return nil }
        return date(id) + Int64(Self.lateDelay.lowerBound + draw.below(Self.lateDelay.count))
    }

    /// Whether `id`, known to be posted by `now`, is not deleted.
    func exists(_ id: Int, postedBy now: Int64) -> Bool {
        if id <= size { return !isHistoryGap(id) }
        if let deletedAt = lateDeletion(id) { return deletedAt > now }
        return true
    }

    /// The number of existing ids in `1...id` at `now` (O(1) for history plus a scan of later posts).
    func existingCount(through id: Int, at now: Int64) -> Int {
        let top = min(id, maxID(at: now))
        guard top >= 1 else { return 0 }
        let historyTop = min(top, size)
        let fullBlocks = historyTop / Self.blockSize
        var count = fullBlocks * (Self.blockSize - deletedPerBlock)
        var next = fullBlocks * Self.blockSize + 1
        while next <= historyTop {
            if !isHistoryGap(next) { count += 1 }
            next += 1
        }
        if top > size {
            for later in (size + 1)...top where exists(later, postedBy: now) { count += 1 }
        }
        return count
    }

    // MARK: Edits

    /// When `id` was (or will be) edited, in unix seconds, or nil if never.
    func editDate(_ id: Int) -> Int64? {
        var draw = Draw(seed, channelKey, UInt64(id), DrawPurpose.edit.rawValue)
        guard draw.chance(editedFraction) else { return nil }
        let posted = date(id)
        if id <= size {
            let room = genesis - posted
            guard room > 1 else { return nil }
            return posted + 1 + Int64(draw.below(Int(min(room - 1, 86_400))))
        }
        return posted + Int64(Self.lateDelay.lowerBound + draw.below(Self.lateDelay.count))
    }

    /// The edit date visible at `now`, or nil while unedited.
    func editDate(_ id: Int, at now: Int64) -> Int64? {
        guard let edited = editDate(id), edited <= now else { return nil }
        if let deletedAt = lateDeletion(id), deletedAt <= edited { return nil }
        return edited
    }

    /// When `id` gets edited, or nil if never or if it is deleted first.
    func scheduledEditDate(_ id: Int) -> Int64? {
        guard let edited = editDate(id) else { return nil }
        if let deletedAt = lateDeletion(id), deletedAt <= edited { return nil }
        return edited
    }
}
