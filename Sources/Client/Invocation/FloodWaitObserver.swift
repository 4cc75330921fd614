/// Hears about every flood wait the server imposes (the rate governor slows down on them).
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
