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

    /// Fails call `id` with `.timeout` and abandons its request (`abandon(_:)`).
    func expireCall(_ id: CallID) {
        guard let call = calls.remove(id) else { return }
        logger.debug("call timed out", metadata: ["request": "\(call.requestID.map(String.init(describing:)) ?? "unsent")"])
        abandon(call)
        call.finish(.failure(ConnectionError.timeout))
    }

    /// Fails call `id` with `CancellationError` because its task was cancelled, and abandons its request.
    func cancelCall(_ id: CallID) {
        guard let call = calls.remove(id) else { return }
        abandon(call)
        call.finish(.failure(CancellationError()))
    }

    /// Takes the request of a call nobody waits for out of the session, so it is not resent after a
    /// reconnect; if it was sent, the session asks the server to drop the answer (`rpc_drop_answer`).
    private func abandon(_ call: PendingCall) {
        guard let requestID = call.requestID, session?.cancel(requestID) == true else { return }
        link?.flushSignal.yield()
    }
}
