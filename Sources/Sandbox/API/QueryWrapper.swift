import TL

/// A wrapper function (`invokeWithLayer`, `initConnection`, …) whose answer is its inner query's.
///
/// Conforms whether the inner query is concrete or a `TLAnyFunction` read off the wire, so the
/// handler unwraps requests built in process and requests decoded from bytes alike.
protocol QueryWrapper {
    /// The wrapped query.
    var wrappedQuery: any TLDecodableFunction { get }
    /// The takeout session the query must run in (`invokeWithTakeout`), or nil.
    var requiredTakeoutID: Int64? { get }
}

extension QueryWrapper {
    var requiredTakeoutID: Int64? { nil }
}

extension TLAnyFunction: QueryWrapper {
    var wrappedQuery: any TLDecodableFunction { function }
}

extension Api.InvokeWithLayer: QueryWrapper where Query: TLDecodableFunction {
    var wrappedQuery: any TLDecodableFunction { query }
}

extension Api.InitConnection: QueryWrapper where Query: TLDecodableFunction {
    var wrappedQuery: any TLDecodableFunction { query }
}

extension Api.InvokeWithoutUpdates: QueryWrapper where Query: TLDecodableFunction {
    var wrappedQuery: any TLDecodableFunction { query }
}

extension Api.InvokeAfterMsg: QueryWrapper where Query: TLDecodableFunction {
    var wrappedQuery: any TLDecodableFunction { query }
}

extension Api.InvokeWithTakeout: QueryWrapper where Query: TLDecodableFunction {
    var wrappedQuery: any TLDecodableFunction { query }
    var requiredTakeoutID: Int64? { takeoutId }
}
