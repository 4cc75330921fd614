/// Caps on one run of a job (or, in settings, on every run); a nil cap is no cap.
public struct Limits: Hashable, Sendable {
    /// Messages archived per run.
    public var messages: Int?
    /// API requests made per run.
    public var requests: Int?
    /// Wall-clock time per run.
    public var duration: Duration?

    /// Limits; the default has none.
    public init(messages: Int? = nil, requests: Int? = nil, duration: Duration? = nil) {
        self.messages = messages
        self.requests = requests
        self.duration = duration
    }
}
