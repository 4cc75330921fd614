import TL
import Timekeeping

/// Reports every call to `sink`: method, start, duration, error and (for message lists) result count.
/// Outermost in the pipeline, so one record is one call a caller made, with its waits and retries.
/// Errors other than `ClientError` can only be cancellations here, and are recorded as `.cancelled`.
public struct AuditMiddleware: Invoker {
    /// The rest of the pipeline.
    public let next: any Invoker
    /// Where records go.
    public let sink: any AuditSink
    /// Where the time comes from.
    public let clock: any ProgramClock

    /// Wraps `next`.
    public init(next: any Invoker, sink: any AuditSink, clock: any ProgramClock) {
        self.next = next
        self.sink = sink
        self.clock = clock
    }

    /// Calls `next` and reports the outcome.
    public func invoke<Function: TLFunction>(_ function: Function) async throws -> Function.Result {
        let started = clock.now()
        do {
            let result = try await next.invoke(function)
            await sink.record(AuditRecord(
                method: Function.tlName, started: started, duration: clock.now() - started, error: nil,
                resultCount: (result as? Api.Messages.Messages)?.messageList.count ?? (result as? ReceivedHistory)?.messages.count))
            return result
        } catch {
            await sink.record(AuditRecord(
                method: Function.tlName, started: started, duration: clock.now() - started,
                error: error as? ClientError ?? .cancelled, resultCount: nil))
            throw error
        }
    }
}
