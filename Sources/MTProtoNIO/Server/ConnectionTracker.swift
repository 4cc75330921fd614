/// The server's open connections, each served by its own task, so that shutdown can cancel them
/// all and wait for them, and finished ones are forgotten at once.
actor ConnectionTracker {
    private var tasks: [Int: Task<Void, Never>] = [:]
    private var lastID = 0

    /// How many connections are being served.
    var count: Int { tasks.count }

    /// A number for the next connection.
    func makeID() -> Int {
        lastID += 1
        return lastID
    }

    /// Serves connection `id` with `body` in a new task.
    func start(_ id: Int, _ body: @escaping @Sendable () async -> Void) {
        tasks[id] = Task {
            await body()
            self.finished(id)
        }
    }

    /// Cancels every connection and waits until all have finished.
    func stopAll() async {
        let running = tasks.values
        for task in running { task.cancel() }
        for task in running { await task.value }
    }

    private func finished(_ id: Int) {
        tasks[id] = nil
    }
}
