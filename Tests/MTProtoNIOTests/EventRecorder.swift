import MTProtoNIO

/// Keeps every event of a connection for later assertions.
actor EventRecorder {
    private(set) var events: [ConnectionEvent] = []
    private var task: Task<Void, Never>?

    /// Starts recording `connection`'s events.
    func record(_ connection: MTProtoConnection) {
        task = Task {
            for await event in connection.events {
                self.append(event)
            }
        }
    }

    private func append(_ event: ConnectionEvent) {
        events.append(event)
    }

    /// Waits until the event stream finished (the connection was closed).
    func waitForEnd() async {
        await task?.value
    }

    /// How many recorded events satisfy `predicate`.
    func count(where predicate: (ConnectionEvent) -> Bool) -> Int {
        events.filter(predicate).count
    }
}
