import TL

/// Asks `admission` before every call: waits as told, or throws `ClientError.deferred`.
public struct AdmissionMiddleware: Invoker {
    /// The rest of the pipeline.
    public let next: any Invoker
    /// Who decides.
    public let admission: any AdmissionControl
    /// Where waits happen.
    public let clock: any ClientClock

    /// Wraps `next`.
    public init(next: any Invoker, admission: any AdmissionControl, clock: any ClientClock) {
        self.next = next
        self.admission = admission
        self.clock = clock
    }

    /// Admits, then calls `next`; an admission control that fails defers the call.
    public func invoke<Function: TLFunction>(_ function: Function) async throws -> Function.Result {
        let decision: AdmissionDecision
        do {
            decision = try await admission.admit(method: Function.tlName)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw ClientError.deferred(reason: "admission control failed: \(error)")
        }
        switch decision {
        case .proceed(let delay):
            if delay > 0 { try await clock.sleep(seconds: delay) }
            return try await next.invoke(function)
        case .defer(let reason):
            throw ClientError.deferred(reason: reason)
        }
    }
}
