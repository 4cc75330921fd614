import Foundation

/// The ids, dates, threads and fates of a channel's discussion group (https://core.telegram.org/api/discussion).
///
/// Group ids are chronological over the parent channel's timeline. Parent posts come in blocks of
/// `postsPerBlock`; a block's group ids hold, for each post p in order, one slot for p's automatic copy
/// (a gap when p has none: a history gap or a service message) followed by the comments posted before
/// the next post. Every block holds exactly `commentsPerBlock` comments, spread over its posts by
/// heavy-tailed weights (most posts get few, some hundreds), so block b starts at group id
/// b × (postsPerBlock + commentsPerBlock) + 1 and any id is resolved by scanning one block.
/// A comment belongs to the thread of the post before it, or (rarely) of one of the few posts before
/// that; its `reply_to_top_id` is that post's copy (https://core.telegram.org/api/threads).
struct DiscussionTimeline: MessageTimeline {
    /// Parent posts per block.
    static let postsPerBlock = 64
    /// How many posts back a late comment may reach, and how many comments back a reply looks.
    static let threadReach = 8
    /// The share of comments in the thread of the post just before them.
    static let ownThreadShare = 0.85
    /// Pareto exponent of the per-post weights (below 1: a few posts take most of a block's comments).
    static let tailExponent = 0.7

    /// What one group id holds.
    enum Slot: Equatable {
        /// The automatic copy of parent post `post`.
        case copy(post: Int)
        /// The slot of `post`'s copy, which does not exist (the post is a gap or a service message).
        case missingCopy(post: Int)
        /// Comment `index` of `count` posted after parent post `post` (and before the next one).
        case comment(post: Int, index: Int, count: Int)
    }

    /// A block's posts: which have a copy, and how many comments follow each.
    struct Block {
        let firstPost: Int
        let firstID: Int
        let copies: [Bool]
        let counts: [Int]
    }

    let parent: ChannelTimeline
    let parentMix: MessageMix
    let parentInteropSafe: Bool
    let groupKey: UInt64
    let commentsPerBlock: Int
    let deletedFraction: Double
    let editedFraction: Double
    let replyFraction: Double
    /// Ids at genesis.
    private(set) var size: Int
    private let cache = DiscussionBlockCache()

    init(parent: ChannelTimeline, parentMix: MessageMix, parentInteropSafe: Bool, groupKey: UInt64, spec: DiscussionSpec) {
        self.parent = parent
        self.parentMix = parentMix
        self.parentInteropSafe = parentInteropSafe
        self.groupKey = groupKey
        commentsPerBlock = Int((Double(Self.postsPerBlock) * spec.commentsPerPost).rounded())
        deletedFraction = spec.deleted
        editedFraction = spec.edited
        replyFraction = spec.repliesToReplies
        size = 0
        size = lastID(postedBy: parent.genesis)
    }

    /// Group ids per block.
    var blockLength: Int { Self.postsPerBlock + commentsPerBlock }

    // MARK: Layout

    /// Whether parent post `post` has a copy in the group (it is no history gap and no service message).
    func hasCopy(_ post: Int) -> Bool {
        guard post >= 1 else { return false }
        let block = block((post - 1) / Self.postsPerBlock)
        return block.copies[post - block.firstPost]
    }

    /// Block `index`: copies and comment counts (cumulative rounding, so the counts add up to `commentsPerBlock`).
    func block(_ index: Int) -> Block {
        cache.block(index, compute: layout)
    }

    private func layout(_ index: Int) -> Block {
        let firstPost = index * Self.postsPerBlock + 1
        var gaps = Set<Int>()
        var historyBlock = (firstPost - 1) / ChannelTimeline.blockSize
        while historyBlock * ChannelTimeline.blockSize + 1 <= min(parent.size, firstPost + Self.postsPerBlock - 1) {
            gaps.formUnion(parent.historyGaps(block: historyBlock))
            historyBlock += 1
        }
        let copies = (0..<Self.postsPerBlock).map { offset in
            let post = firstPost + offset
            return !gaps.contains(post)
                && MessagePlan(id: post, timeline: parent, mix: parentMix, interopSafe: parentInteropSafe).kind != .service
        }
        let weights = (0..<Self.postsPerBlock).map { offset -> Double in
            guard copies[offset] else { return 0 }
            var draw = Draw(parent.seed, groupKey, UInt64(firstPost + offset), DrawPurpose.commentWeight.rawValue)
            return min(pow(1 - draw.unit(), -1 / Self.tailExponent), 1e9)
        }
        let total = weights.reduce(0, +)
        var counts: [Int] = []
        var cumulative = 0.0, assigned = 0
        for weight in weights {
            cumulative += weight
            let target = total > 0 ? min(commentsPerBlock, Int((cumulative / total * Double(commentsPerBlock)).rounded())) : 0
            counts.append(target - assigned)
            assigned = target
        }
        return Block(firstPost: firstPost, firstID: index * blockLength + 1, copies: copies, counts: counts)
    }

    /// What group id `id` holds.
    func slot(_ id: Int) -> Slot {
        let block = block((id - 1) / blockLength)
        var offset = id - block.firstID
        for position in 0..<Self.postsPerBlock {
            let post = block.firstPost + position
            if offset == 0 { return block.copies[position] ? .copy(post: post) : .missingCopy(post: post) }
            offset -= 1
            if offset < block.counts[position] { return .comment(post: post, index: offset, count: block.counts[position]) }
            offset -= block.counts[position]
        }
        return .missingCopy(post: block.firstPost + Self.postsPerBlock - 1)
    }

    /// The group id of `post`'s copy (nil if it has none).
    func copyID(of post: Int) -> Int? {
        guard post >= 1 else { return nil }
        let index = (post - 1) / Self.postsPerBlock
        let block = block(index)
        let position = post - block.firstPost
        guard block.copies[position] else { return nil }
        return block.firstID + position + block.counts[..<position].reduce(0, +)
    }

    // MARK: Dates and threads

    func date(_ id: Int) -> Int64 { date(of: slot(id)) }

    /// The date of a slot: a copy at its post's date, comments evenly between their post and the next.
    func date(of slot: Slot) -> Int64 {
        switch slot {
        case .copy(let post), .missingCopy(let post): return parent.date(post)
        case .comment(let post, let index, let count):
            let low = parent.date(post), high = parent.date(post + 1)
            return low + (high - low) * Int64(index + 1) / Int64(count + 1)
        }
    }

    /// The post whose thread comment `id`, posted after `post`, belongs to.
    func thread(ofComment id: Int, after post: Int) -> Int {
        var draw = Draw(parent.seed, groupKey, UInt64(id), DrawPurpose.commentThread.rawValue)
        guard !draw.chance(Self.ownThreadShare) else { return post }
        let earlier = (max(1, post - Self.threadReach)..<post).filter(hasCopy)
        return earlier.isEmpty ? post : draw.pick(earlier)
    }

    /// The earlier comment of the same thread that comment `id` (comment `index` after `post`) answers, if any.
    func repliedComment(_ id: Int, thread: Int, index: Int, after post: Int) -> Int? {
        var draw = Draw(parent.seed, groupKey, UInt64(id), DrawPurpose.commentThread.rawValue, 1)
        guard index > 0, draw.chance(replyFraction) else { return nil }
        for back in 1...min(index, Self.threadReach) where self.thread(ofComment: id - back, after: post) == thread {
            return id - back
        }
        return nil
    }

    /// The highest id posted by `now` (never below `size`).
    func maxID(at now: Int64) -> Int { max(size, lastID(postedBy: now)) }

    /// The highest id dated at or before `now`: a binary search up to the end of the block holding the
    /// copy of the parent's next post, which is dated after `now`.
    private func lastID(postedBy now: Int64) -> Int {
        let upper = (parent.maxID(at: now) / Self.postsPerBlock + 1) * blockLength
        return HistoryQuery.firstID(in: 1...upper) { date($0) > now } - 1
    }

    // MARK: Fates

    /// Whether comment `id` (dated `date`) still exists at `now`.
    private func commentExists(_ id: Int, date: Int64, at now: Int64) -> Bool {
        if id <= size {
            var draw = Draw(parent.seed, groupKey, UInt64(id), DrawPurpose.deletion.rawValue)
            return !draw.chance(deletedFraction)
        }
        return lateDeletion(id, date: date).map { $0 > now } ?? true
    }

    private func lateDeletion(_ id: Int, date: Int64) -> Int64? {
        guard id > size else { return nil }
        var draw = Draw(parent.seed, groupKey, UInt64(id), DrawPurpose.lateDeletion.rawValue)
        guard draw.chance(deletedFraction) else { return nil }
        return date + Int64(ChannelTimeline.lateDelay.lowerBound + draw.below(ChannelTimeline.lateDelay.count))
    }

    func lateDeletion(_ id: Int) -> Int64? {
        let slot = slot(id)
        guard case .comment = slot else { return nil }
        return lateDeletion(id, date: date(of: slot))
    }

    func exists(_ id: Int, postedBy now: Int64) -> Bool {
        let slot = slot(id)
        switch slot {
        case .copy: return true
        case .missingCopy: return false
        case .comment: return commentExists(id, date: date(of: slot), at: now)
        }
    }

    /// When `id` gets edited, or nil if never: copies follow their post's edits; comments are edited
    /// within hours of posting (edits that would fall after genesis for comments posted before it are dropped).
    func scheduledEditDate(_ id: Int) -> Int64? {
        let slot = slot(id)
        switch slot {
        case .missingCopy: return nil
        case .copy(let post): return parent.scheduledEditDate(post)
        case .comment:
            var draw = Draw(parent.seed, groupKey, UInt64(id), DrawPurpose.edit.rawValue)
            guard draw.chance(editedFraction) else { return nil }
            let posted = date(of: slot)
            let edited = posted + Int64(ChannelTimeline.lateDelay.lowerBound + draw.below(ChannelTimeline.lateDelay.count))
            if id <= size && edited > parent.genesis { return nil }
            if let deletedAt = lateDeletion(id, date: posted), deletedAt <= edited { return nil }
            return edited
        }
    }

    /// The edit date of `id` visible at `now`.
    func editDate(_ id: Int, at now: Int64) -> Int64? {
        scheduledEditDate(id).flatMap { $0 <= now ? $0 : nil }
    }

    /// The number of existing ids in `1...id` at `now` (a scan of the blocks below `id`).
    func existingCount(through id: Int, at now: Int64) -> Int {
        let top = min(id, maxID(at: now))
        guard top >= 1 else { return 0 }
        var count = 0
        for index in 0...((top - 1) / blockLength) {
            forEachSlot(of: block(index), through: top) { id, slot in
                switch slot {
                case .copy: count += 1
                case .missingCopy: break
                case .comment: if commentExists(id, date: date(of: slot), at: now) { count += 1 }
                }
            }
        }
        return count
    }

    /// Calls `body` with every id of `block` up to `top` and its slot, ascending.
    func forEachSlot(of block: Block, through top: Int, _ body: (Int, Slot) -> Void) {
        var id = block.firstID
        for position in 0..<Self.postsPerBlock {
            let post = block.firstPost + position
            guard id <= top else { return }
            body(id, block.copies[position] ? .copy(post: post) : .missingCopy(post: post))
            id += 1
            for index in 0..<block.counts[position] {
                guard id <= top else { return }
                body(id, .comment(post: post, index: index, count: block.counts[position]))
                id += 1
            }
        }
    }

    /// The existing comments of `post`'s thread at `now`, ascending: a scan of the comments posted after
    /// it and after the `threadReach` posts that follow it.
    func threadComments(of post: Int, at now: Int64) -> [Int] {
        guard hasCopy(post) else { return [] }
        let top = maxID(at: now)
        var found: [Int] = []
        var blockIndex = -1
        var current: Block?
        for gapPost in post...(post + Self.threadReach) {
            let index = (gapPost - 1) / Self.postsPerBlock
            if index != blockIndex {
                blockIndex = index
                current = block(index)
            }
            guard let block = current else { continue }
            let position = gapPost - block.firstPost
            let first = block.firstID + position + 1 + block.counts[..<position].reduce(0, +)
            for index in 0..<block.counts[position] {
                let id = first + index
                guard id <= top else { return found }
                let slot = Slot.comment(post: gapPost, index: index, count: block.counts[position])
                if thread(ofComment: id, after: gapPost) == post && commentExists(id, date: date(of: slot), at: now) {
                    found.append(id)
                }
            }
        }
        return found
    }
}
