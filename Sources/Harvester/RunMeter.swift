import Client
import Foundation
import TL

/// Counts one run's API requests and flood waits: wrap the run's invoker with `meter(_:)` and pass the
/// meter as the pipeline's flood-wait observer.
public final class RunMeter: FloodWaitObserver, @unchecked Sendable {
    private let lock = NSLock()
    private var requestCount = 0
    private var floodWaitCount = 0
    private var floodWaitLongest = 0
    private let forward: (any FloodWaitObserver)?

    /// A meter at zero; flood waits are also passed on to `forward` (the governor's observer).
    public init(forwarding forward: (any FloodWaitObserver)? = nil) {
        self.forward = forward
    }

    /// Requests made through a metered invoker (calls admission control declined are not requests).
    public var requests: Int { lock.withLock { requestCount } }
    /// Flood waits reported.
    public var floodWaits: Int { lock.withLock { floodWaitCount } }
    /// The longest flood wait reported, in seconds (0 if none).
    public var longestFloodWait: Int { lock.withLock { floodWaitLongest } }

    /// Counts a flood wait and passes it on.
    public func floodWait(method: String, seconds: Int) async {
        lock.withLock {
            floodWaitCount += 1
            floodWaitLongest = max(floodWaitLongest, seconds)
        }
        await forward?.floodWait(method: method, seconds: seconds)
    }

    /// `next`, counting each call made through it.
    public func meter(_ next: any Invoker) -> any Invoker {
        MeteredInvoker(next: next, meter: self)
    }

    fileprivate func countRequest() {
        lock.withLock { requestCount += 1 }
    }
}

/// Passes calls on, counting those that reached the server.
private struct MeteredInvoker: Invoker {
    let next: any Invoker
    let meter: RunMeter

    /// Counts the call unless admission control declined it before it was sent.
    func invoke<Function: TLFunction>(_ function: Function) async throws -> Function.Result {
        do {
            let result = try await next.invoke(function)
            meter.countRequest()
            return result
        } catch let error as ClientError where error.isDeclinedBeforeSending {
            throw error
        } catch {
            meter.countRequest()
            throw error
        }
    }
}
