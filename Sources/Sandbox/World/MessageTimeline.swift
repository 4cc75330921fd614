/// What paging, counting and the event log need from a chat's ids over simulated time: a channel's
/// (`ChannelTimeline`) or its discussion group's (`DiscussionTimeline`).
///
/// Ids are chronological: `date` never decreases with the id.
protocol MessageTimeline: Sendable {
    /// Ids at genesis (the highest id posted by then).
    var size: Int { get }
    /// The posting date of `id` (unix seconds).
    func date(_ id: Int) -> Int64
    /// The highest id posted by `now` (never below `size`).
    func maxID(at now: Int64) -> Int
    /// Whether `id`, known to be posted by `now`, is not deleted.
    func exists(_ id: Int, postedBy now: Int64) -> Bool
    /// The number of existing ids in `1...id` at `now`.
    func existingCount(through id: Int, at now: Int64) -> Int
    /// When `id` is deleted after genesis, or nil if it never is.
    func lateDeletion(_ id: Int) -> Int64?
}

extension MessageTimeline {
    /// Whether `id` exists (posted and not deleted) at `now`.
    func exists(_ id: Int, at now: Int64) -> Bool {
        guard id >= 1, id <= maxID(at: now) else { return false }
        return exists(id, postedBy: now)
    }

    /// Every event from genesis up to `now`, in pts order (time, then id, then posted/edited/deleted),
    /// with `scheduledEdit` giving when an id is edited. Scans the ids posted since genesis only.
    func events(through now: Int64, scheduledEdit: (Int) -> Int64?) -> [ChannelEvent] {
        let top = maxID(at: now)
        guard top > size else { return [] }
        var raw: [(time: Int64, id: Int, change: ChannelEvent.Change)] = []
        for id in (size + 1)...top {
            raw.append((date(id), id, .posted))
            if let edited = scheduledEdit(id), edited <= now { raw.append((edited, id, .edited)) }
            if let deleted = lateDeletion(id), deleted <= now { raw.append((deleted, id, .deleted)) }
        }
        raw.sort { ($0.time, $0.id, $0.change) < ($1.time, $1.id, $1.change) }
        return raw.enumerated().map { index, event in
            ChannelEvent(time: event.time, id: event.id, change: event.change, pts: size + index + 1)
        }
    }
}
