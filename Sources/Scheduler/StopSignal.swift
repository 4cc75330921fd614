import Foundation

/// A request to stop, raised from a signal handler or a test and read between pages: a run stops after
/// committing its current page, a daemon stops scheduling.
public final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false

    /// A signal not raised yet.
    public init() {}

    /// Whether a stop was requested.
    public var isRaised: Bool { lock.withLock { raised } }

    /// Requests the stop.
    public func raise() {
        lock.withLock { raised = true }
    }
}
