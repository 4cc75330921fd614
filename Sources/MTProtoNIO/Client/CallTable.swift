import MTProto

/// The calls a connection has not answered yet, by call id and by the session's request id.
/// Taking a call out of the table is the only way to finish it, so each continuation resumes once.
struct CallTable {
    private var calls: [CallID: PendingCall] = [:]
    private var callsByRequest: [RequestID: CallID] = [:]
    private var lastID: UInt64 = 0

    /// A new, unused call id.
    mutating func makeID() -> CallID {
        lastID += 1
        return CallID(rawValue: lastID)
    }

    /// Adds a call.
    mutating func insert(_ call: PendingCall, as id: CallID) {
        calls[id] = call
        if let requestID = call.requestID { callsByRequest[requestID] = id }
    }

    /// Records that call `id` was pushed into the session as `requestID`.
    mutating func assign(_ requestID: RequestID, to id: CallID) {
        calls[id]?.requestID = requestID
        callsByRequest[requestID] = id
    }

    /// Calls not pushed into any session yet, oldest first, with their bodies.
    var unpushed: [(id: CallID, body: [UInt8])] {
        calls.filter { $0.value.requestID == nil }.sorted { $0.key < $1.key }.map { ($0.key, $0.value.body) }
    }

    /// Forgets every session request id (the session is gone); the calls wait to be pushed again.
    mutating func detachFromSession() {
        for id in calls.keys { calls[id]?.requestID = nil }
        callsByRequest = [:]
    }

    /// Removes and returns call `id`, if still pending.
    mutating func remove(_ id: CallID) -> PendingCall? {
        guard let call = calls.removeValue(forKey: id) else { return nil }
        if let requestID = call.requestID { callsByRequest[requestID] = nil }
        return call
    }

    /// Removes and returns the call pushed as `requestID`, if still pending.
    mutating func remove(request requestID: RequestID) -> PendingCall? {
        guard let id = callsByRequest.removeValue(forKey: requestID) else { return nil }
        return calls.removeValue(forKey: id)
    }

    /// Removes and returns every pending call.
    mutating func removeAll() -> [PendingCall] {
        defer {
            calls = [:]
            callsByRequest = [:]
        }
        return Array(calls.values)
    }

    /// How many calls are pending.
    var count: Int { calls.count }
}
