import TL

/// Wraps every call in `invokeWithTakeout(takeout_id, query)`, so it runs in the takeout session
/// (https://core.telegram.org/api/takeout), which has its own, gentler flood limits for exports.
public struct TakeoutInvoker: Invoker {
    /// Where the wrapped calls go (a DC's connection invoker, which adds the layer wrapper outside).
    public let next: any Invoker
    /// The id `account.initTakeoutSession` returned.
    public let takeoutID: Int64

    /// Wraps calls into `next` in takeout `takeoutID`.
    public init(next: any Invoker, takeoutID: Int64) {
        self.next = next
        self.takeoutID = takeoutID
    }

    /// Calls `invokeWithTakeout(takeoutID, function)`.
    public func invoke<Function: TLFunction>(_ function: Function) async throws -> Function.Result {
        try await next.invoke(Api.InvokeWithTakeout(takeoutId: takeoutID, query: function))
    }
}
