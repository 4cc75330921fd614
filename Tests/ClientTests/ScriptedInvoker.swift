import Client
import TL

/// The inner end of a middleware under test: answers calls from a script, in order, and records
/// which methods were called. Not a stand-in for the server: middleware tests only need outcomes.
actor ScriptedInvoker: Invoker {
    /// One scripted outcome.
    enum Outcome {
        case answer(any Sendable)
        case failure(any Error)
    }

    private var script: [Outcome]
    private(set) var methods: [String] = []

    init(_ script: [Outcome]) {
        self.script = script
    }

    nonisolated func invoke<Function: TLFunction>(_ function: Function) async throws -> Function.Result {
        try await next(method: Function.tlName, as: Function.Result.self)
    }

    private func next<Result>(method: String, as type: Result.Type) throws -> Result {
        methods.append(method)
        guard !script.isEmpty else { throw ScriptError.exhausted(method) }
        switch script.removeFirst() {
        case .answer(let value):
            guard let result = value as? Result else { throw ScriptError.wrongType(method) }
            return result
        case .failure(let error):
            throw error
        }
    }
}

/// A script that does not fit the calls made.
enum ScriptError: Error, Equatable {
    case exhausted(String)
    case wrongType(String)
}

/// The call middleware tests make; its answer is an `Api.NearestDc`.
let anyCall = Api.Help.GetNearestDc()

/// An answer `anyCall` accepts.
let nearestDc = Api.NearestDc(country: "XX", thisDc: 2, nearestDc: 2)
