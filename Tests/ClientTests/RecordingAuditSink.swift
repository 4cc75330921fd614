import Client

/// Keeps every audit record for assertions.
actor RecordingAuditSink: AuditSink {
    private(set) var records: [AuditRecord] = []

    func record(_ record: AuditRecord) {
        records.append(record)
    }

    /// How many calls of `method` were made.
    func count(_ method: String) -> Int {
        records.filter { $0.method == method }.count
    }
}

/// Keeps every flood wait reported.
actor RecordingFloodObserver: FloodWaitObserver {
    private(set) var waits: [(method: String, seconds: Int)] = []

    func floodWait(method: String, seconds: Int) {
        waits.append((method, seconds))
    }
}
