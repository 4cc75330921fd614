import Client

/// Keeps every audit record for assertions.
public actor RecordingAuditSink: AuditSink {
    public private(set) var records: [AuditRecord] = []

    /// An empty recorder.
    public init() {}

    public func record(_ record: AuditRecord) {
        records.append(record)
    }

    /// How many calls of `method` were made.
    public func count(_ method: String) -> Int {
        records.filter { $0.method == method }.count
    }
}

/// Keeps every flood wait reported.
public actor RecordingFloodObserver: FloodWaitObserver {
    public private(set) var waits: [(method: String, seconds: Int)] = []

    /// An empty recorder.
    public init() {}

    public func floodWait(method: String, seconds: Int) {
        waits.append((method, seconds))
    }
}
