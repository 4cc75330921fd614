import MTProto
import TL

extension MTProtoConnection {
    /// Registers a new call and pushes it into the session if there is one.
    func enqueue(
        _ id: CallID, body: [UInt8], continuation: CheckedContinuation<TLRawObject, any Error>, timeout: Duration?
    ) {
        guard !isStopped else {
            continuation.resume(throwing: ConnectionError.closed)
            return
        }
        guard !Task.isCancelled else {
            continuation.resume(throwing: CancellationError())
            return
        }
        var call = PendingCall(body: body, continuation: continuation)
        if let timeout {
            call.timeout = Task {
                do {
                    try await Task.sleep(for: timeout)
                } catch {
                    return
                }
                self.expireCall(id)
            }
        }
        if let requestID = session?.push(body) {
            call.requestID = requestID
        }
        calls.insert(call, as: id)
        start()
        link?.flushSignal.yield()
    }

    /// Pushes calls that are not in the session yet (made before it existed, or when its key was lost).
    func pushWaitingCalls() {
        for (id, body) in calls.unpushed {
            guard let requestID = session?.push(body) else { return }
            calls.assign(requestID, to: id)
        }
    }

    /// Answers the call pushed as `requestID`, if its caller still waits.
    func finishRequest(_ requestID: RequestID, with outcome: Result<TLRawObject, ConnectionError>) {
        calls.remove(request: requestID)?.finish(outcome.mapError { $0 })
    }

    /// Fails call `id` with `.timeout`; its request may still be answered, and that answer is dropped.
    func expireCall(_ id: CallID) {
        guard let call = calls.remove(id) else { return }
        logger.debug("call timed out", metadata: ["request": "\(call.requestID.map(String.init(describing:)) ?? "unsent")"])
        call.finish(.failure(ConnectionError.timeout))
    }

    /// Fails call `id` with `CancellationError` because its task was cancelled.
    func cancelCall(_ id: CallID) {
        calls.remove(id)?.finish(.failure(CancellationError()))
    }
}
