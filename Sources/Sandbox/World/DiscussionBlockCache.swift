import Foundation

/// A bounded memo of a discussion group's block layouts. A layout is a pure function of its index, so
/// the memo changes no answer; it spares recomputing the same 64 posts for every id of a block.
final class DiscussionBlockCache: @unchecked Sendable {
    /// Layouts kept before the memo starts over.
    static let capacity = 4_096

    private let lock = NSLock()
    private var blocks: [Int: DiscussionTimeline.Block] = [:]

    /// The layout of block `index`, computed by `compute` on a miss.
    func block(_ index: Int, compute: (Int) -> DiscussionTimeline.Block) -> DiscussionTimeline.Block {
        if let known = lock.withLock({ blocks[index] }) { return known }
        let computed = compute(index)
        lock.withLock {
            if blocks.count >= Self.capacity { blocks.removeAll(keepingCapacity: true) }
            blocks[index] = computed
        }
        return computed
    }
}
