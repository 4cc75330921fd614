/// The msg_ids a session has received, to ignore duplicates
/// (https://core.telegram.org/mtproto/description: a repeated msg_id must be ignored).
///
/// Remembers the last `capacity` ids. Once an id is forgotten, every id at or below the largest
/// forgotten one counts as already seen, because there is no way to tell.
struct ReceivedMessageLog: Sendable {
    private let capacity: Int
    private var ids: Set<Int64> = []
    private var order: [Int64] = []
    private var orderStart = 0
    /// The largest id that was forgotten; ids up to it are treated as seen.
    private(set) var floor = Int64.min
    /// The largest id received.
    private(set) var highest = Int64.min

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
    }

    /// Whether `id` was already received (or is too old to know).
    func contains(_ id: Int64) -> Bool {
        id <= floor || ids.contains(id)
    }

    /// Records `id`; returns false when it was already seen (or is too old to know).
    mutating func insert(_ id: Int64) -> Bool {
        guard !contains(id) else { return false }
        ids.insert(id)
        order.append(id)
        highest = max(highest, id)
        if ids.count > capacity {
            let oldest = order[orderStart]
            orderStart += 1
            ids.remove(oldest)
            floor = max(floor, oldest)
            if orderStart > capacity {
                order.removeFirst(orderStart)
                orderStart = 0
            }
        }
        return true
    }

    /// The `msgs_state_info` status byte for a message the other party asks about
    /// (https://core.telegram.org/mtproto/service_messages_about_messages#informational-message-regarding-status-of-messages):
    /// 1 unknown (too old), 2 not received although in range, 3 not received yet (id too high),
    /// 4 received, plus 8 once acknowledged.
    func status(of id: Int64, acknowledged: Bool) -> UInt8 {
        if ids.contains(id) { return acknowledged ? 4 + 8 : 4 }
        if id <= floor { return 1 }
        return id > highest ? 3 : 2
    }
}
