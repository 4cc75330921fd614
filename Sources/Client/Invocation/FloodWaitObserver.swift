/// Hears about every flood wait the server imposes, for counting and logs (the rate governor learns of them
/// through `AdmissionControl.completed`).
public protocol FloodWaitObserver: Sendable {
    /// The server asked to wait `seconds` before calling `method` again.
    func floodWait(method: String, seconds: Int) async
}

/// Ignores flood waits.
public struct IgnoringFloodWaitObserver: FloodWaitObserver {
    /// An observer that does nothing.
    public init() {}

    /// Does nothing.
    public func floodWait(method: String, seconds: Int) async {}
}
