import MTProto
import TL
import Timekeeping

/// Asks `admission` before every call: waits as told, or throws `ClientError.deferred` (or
/// `ClientError.admissionFailed` when admission control itself fails). After each admitted
/// attempt it tells `admission` how the call ended (success, flood wait or other failure), so a governor can
/// adapt; this is the one path by which flood waits reach admission control.
public struct AdmissionMiddleware: Invoker {
    /// The rest of the pipeline.
    public let next: any Invoker
    /// Who decides.
    public let admission: any AdmissionControl
    /// Where waits happen.
    public let clock: any ProgramClock

    /// Wraps `next`.
    public init(next: any Invoker, admission: any AdmissionControl, clock: any ProgramClock) {
        self.next = next
        self.admission = admission
        self.clock = clock
    }

    /// Admits, then calls `next` and reports the outcome; an admission control that fails defers the call.
    public func invoke<Function: TLFunction>(_ function: Function) async throws -> Function.Result {
        let decision: AdmissionDecision
        do {
            decision = try await admission.admit(method: Function.tlName)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw ClientError.admissionFailed(String(describing: error))
        }
        switch decision {
        case .proceed(let delay):
            if delay > 0 { try await clock.sleep(seconds: delay) }
            do {
                let result = try await next.invoke(function)
                await admission.completed(method: Function.tlName, outcome: .success)
                return result
            } catch {
                await admission.completed(method: Function.tlName, outcome: Self.outcome(of: error))
                throw error
            }
        case .defer(let reason):
            throw ClientError.deferred(method: Function.tlName, reason: reason)
        }
    }

    /// The outcome a failed call reports: a flood wait with its seconds, or a plain failure.
    private static func outcome(of error: any Error) -> CallOutcome {
        guard case ClientError.rpc(let rpc) = error, let seconds = rpc.waitSeconds else { return .failed }
        return .floodWait(seconds: max(seconds, 0))
    }
}
