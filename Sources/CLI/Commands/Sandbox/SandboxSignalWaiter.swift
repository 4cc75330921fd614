import Dispatch
import Foundation

/// Waits for SIGINT or SIGTERM, so a server can shut down cleanly instead of dying mid-write.
enum SignalWaiter {
    /// Returns once the process receives SIGINT or SIGTERM (their default action is turned off).
    static func waitForTermination() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let queue = DispatchQueue(label: "tgcron.signals")
            let once = ResumeOnce(continuation)
            let sources = [SIGINT, SIGTERM].map { number in
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler { once.resume() }
                source.resume()
                return source
            }
            once.keepAlive(sources)
        }
    }
}

/// Resumes a continuation the first time it is asked to, and keeps the signal sources alive until then.
private final class ResumeOnce: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Void, Never>?
    private var sources: [any DispatchSourceSignal] = []

    init(_ continuation: CheckedContinuation<Void, Never>) {
        self.continuation = continuation
    }

    func keepAlive(_ sources: [any DispatchSourceSignal]) {
        lock.withLock {
            if continuation == nil {
                for source in sources { source.cancel() }
            } else {
                self.sources = sources
            }
        }
    }

    func resume() {
        lock.withLock {
            continuation?.resume()
            continuation = nil
            for source in sources { source.cancel() }
            sources = []
        }
    }
}
