/// One finished call, as the audit middleware reports it.
public struct AuditRecord: Sendable, Equatable {
    /// The TL name of the function called (the inner query, not `invokeWithLayer`).
    public var method: String
    /// When the call started, seconds since 1970.
    public var started: Double
    /// How long it took in seconds, waits included.
    public var duration: Double
    /// The error it ended with, nil on success.
    public var error: ClientError?
    /// How many items the answer held when that is cheap to know (messages of a history page), else nil.
    public var resultCount: Int?

    /// Creates a record.
    public init(method: String, started: Double, duration: Double, error: ClientError?, resultCount: Int?) {
        self.method = method
        self.started = started
        self.duration = duration
        self.error = error
        self.resultCount = resultCount
    }
}

/// Where audit records go (the archive's audit table, a log).
public protocol AuditSink: Sendable {
    /// Takes one record.
    func record(_ record: AuditRecord) async
}
