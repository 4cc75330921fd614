import TL

/// Anything that can call a Telegram API function: the connection at the bottom of the pipeline and
/// every middleware wrapped around it. Errors thrown are `ClientError`s.
public protocol Invoker: Sendable {
    /// Calls `function` and returns its decoded answer, or throws a `ClientError`.
    func invoke<Function: TLFunction>(_ function: Function) async throws -> Function.Result
}
