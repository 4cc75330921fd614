/// A map from msg_id to what an outgoing message carried, keeping only the most recent entries
/// (older messages can no longer be the subject of a notification worth acting on).
struct RecentMessages<Value: Sendable>: Sendable {
    private let capacity: Int
    private var values: [Int64: Value] = [:]
    private var order: [Int64] = []

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
    }

    subscript(id: Int64) -> Value? {
        values[id]
    }

    /// Records `value` for `id`, forgetting the oldest entry beyond the capacity.
    mutating func record(_ value: Value, for id: Int64) {
        values[id] = value
        order.append(id)
        if order.count > capacity * 2 {
            for old in order[0..<(order.count - capacity)] { values.removeValue(forKey: old) }
            order.removeFirst(order.count - capacity)
        }
    }

    /// Removes and returns the entry for `id`.
    mutating func remove(_ id: Int64) -> Value? {
        values.removeValue(forKey: id)
    }
}
