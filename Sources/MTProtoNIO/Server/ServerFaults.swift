/// Faults the test server injects on purpose, to exercise a client's recovery.
public struct ServerFaults: Sendable, Hashable {
    /// Close each connection right after its K-th reply is written (nil never drops). Requests
    /// still being handled then are never answered on that connection; a client must resend them.
    public var dropConnectionEvery: Int?

    /// Faults as given; the default injects none.
    public init(dropConnectionEvery: Int? = nil) {
        self.dropConnectionEvery = dropConnectionEvery
    }
}
