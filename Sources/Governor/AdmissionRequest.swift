import Foundation

/// What a caller asks the governor: which kind of call, for which job, and how long it is willing to sleep.
public struct AdmissionRequest: Sendable, Equatable {
    /// The class whose bucket the call takes a token from.
    public var methodClass: MethodClass
    /// The job the call is made for (its budget is charged too), or nil for calls outside any job.
    public var job: String?
    /// The longest the caller will wait for tokens or a cool-down; a longer wait is answered with a deferral.
    /// Waits up to one token's refill are the steady pacing and always admitted, and the human delay comes on
    /// top, so even a `maxWait` of zero can be admitted.
    public var maxWait: TimeInterval

    /// A request for a call of `methodClass`.
    public init(methodClass: MethodClass, job: String?, maxWait: TimeInterval) {
        self.methodClass = methodClass
        self.job = job
        self.maxWait = maxWait
    }

    /// A request for the TL function named `method` (e.g. `messages.getHistory`), classified with
    /// `MethodClass.classify(methodName:)`.
    public init(method: String, job: String?, maxWait: TimeInterval) {
        self.init(methodClass: .classify(methodName: method), job: job, maxWait: maxWait)
    }
}
