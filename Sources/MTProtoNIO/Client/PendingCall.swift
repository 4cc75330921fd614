import MTProto
import TL

/// One caller waiting for an answer.
struct PendingCall {
    /// The request's TL bytes, kept to push it again into a new session if the auth key is lost.
    let body: [UInt8]
    /// Resumed exactly once, when the call leaves the table.
    let continuation: CheckedContinuation<TLRawObject, any Error>
    /// The session's id for the request, once pushed into the current session.
    var requestID: RequestID?
    /// Fires the call's timeout; cancelled when the call leaves the table earlier.
    var timeout: Task<Void, Never>?
}

extension PendingCall {
    /// Stops the timeout and resumes the caller with `outcome`.
    func finish(_ outcome: Result<TLRawObject, any Error>) {
        timeout?.cancel()
        continuation.resume(with: outcome)
    }
}
