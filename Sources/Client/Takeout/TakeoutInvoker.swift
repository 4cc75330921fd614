import TL

/// Wraps every call in `invokeWithTakeout(takeout_id, query)`, so it runs in the takeout session
/// (https://core.telegram.org/api/takeout), which has its own, gentler flood limits for exports.
///
/// A takeout session ends on its own (it expires, or the user finishes it from another app); the server then
/// answers `TAKEOUT_INVALID`. The call is then made once more in a new session from `renew`, which forgets
/// the stale id, so one expired session never fails a run, nor every run after it.
public struct TakeoutInvoker: Invoker {
    public let next: any Invoker
    public let takeoutID: Int64
    /// Opens a session in place of the given stale one and returns its id.
    public let renew: @Sendable (Int64) async throws -> Int64

    public init(next: any Invoker, takeoutID: Int64, renew: @escaping @Sendable (Int64) async throws -> Int64) {
        self.next = next
        self.takeoutID = takeoutID
        self.renew = renew
    }

    public func invoke<Function: TLFunction>(_ function: Function) async throws -> Function.Result {
        do {
            return try await next.invoke(Api.InvokeWithTakeout(takeoutId: takeoutID, query: function))
        } catch ClientError.rpc(let error) where error.name == .takeoutInvalid {
            let fresh = try await renew(takeoutID)
            return try await next.invoke(Api.InvokeWithTakeout(takeoutId: fresh, query: function))
        }
    }
}
