import Client
import Foundation
import Governor
import Timekeeping

/// Admission control backed by the shared `RateGovernor`, for the calls of one job (or of the account
/// outside any job, such as login): the seam where the rate governor enters the client's pipeline.
///
/// `.proceed(after:)` becomes `AdmissionDecision.proceed(after:)`, slept by `AdmissionMiddleware`. A deferral
/// becomes `AdmissionDecision.defer` with the governor's `DeferralReason`, which `ClientError.deferred` carries
/// up to the harvester, so it can tell a spent budget (stop for today) from a cool-down.
///
/// Outcomes reach the governor only through `completed(method:outcome:)`, which `AdmissionMiddleware` calls
/// once per admitted attempt: a success feeds `recordSuccess`, a flood wait `recordFloodWait`. This type is
/// deliberately not a `FloodWaitObserver`: the flood-wait middleware sees the same waits, and recording
/// them there as well would count each one twice. Keep the pipeline's flood observer for logs and metrics.
public actor GovernedAdmission: AdmissionControl {
    /// The governor shared by every job of the account.
    public let governor: RateGovernor
    /// The job whose budget calls are charged to, or nil for account-level calls.
    public let job: String?
    /// The longest wait for tokens, in seconds, before a call is deferred instead.
    public let maxWait: Duration?
    /// Where the time of each decision and outcome comes from.
    public let clock: any ProgramClock

    /// The latest failure to record an outcome in the governor's store; nil while none failed.
    ///
    /// Recording never fails the call that already happened, so the failure is kept here to be reported.
    public private(set) var recordingFailure: GovernorStoreError?

    /// Admission for `job`'s calls through `governor`, sleeping at most `maxWait` (`flood_wait_max`) for a
    /// cool-down or a backlog of tokens; nil waits as long as it takes (`--wait`).
    public init(governor: RateGovernor, job: String?, maxWait: Duration?, clock: any ProgramClock) {
        self.governor = governor
        self.job = job
        self.maxWait = maxWait
        self.clock = clock
    }

    /// Asks the governor; a store failure is thrown (and defers the call in `AdmissionMiddleware`).
    public func admit(method: String) async throws -> AdmissionDecision {
        let request = AdmissionRequest(method: method, job: job, maxWait: maxWait?.timeInterval ?? .infinity)
        switch try governor.admit(request, at: now()) {
        case .proceed(let delay):
            return .proceed(after: delay)
        case .defer(let reason):
            return .defer(reason: reason)
        }
    }

    /// Reports a success or a flood wait of `method` to the governor; other failures teach it nothing.
    public func completed(method: String, outcome: CallOutcome) async {
        let methodClass = MethodClass.classify(methodName: method)
        do throws(GovernorStoreError) {
            switch outcome {
            case .success: try governor.recordSuccess(methodClass, at: now())
            case .floodWait(let seconds): try governor.recordFloodWait(methodClass, seconds: seconds, at: now())
            case .failed: return
            }
        } catch {
            recordingFailure = error
        }
    }

    private func now() -> Date {
        Date(timeIntervalSince1970: clock.now())
    }
}
