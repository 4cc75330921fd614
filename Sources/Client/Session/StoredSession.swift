/// What a client keeps about its login apart from the per-DC auth keys: where the account lives, who
/// it is, the DC addresses learnt from `help.getConfig` and the open takeout session.
public struct StoredSession: Sendable, Equatable {
    /// The data center holding the account, where calls go unless a call is migrated.
    public var homeDC: Int
    /// The logged-in user's id; nil before login.
    public var userID: Int64?
    /// The addresses of the data centers, one per id, from `help.getConfig`.
    public var dataCenters: [DataCenterAddress]
    /// The takeout session calls are wrapped in, once started.
    public var takeoutID: Int64?

    /// A session.
    public init(homeDC: Int, userID: Int64? = nil, dataCenters: [DataCenterAddress] = [], takeoutID: Int64? = nil) {
        self.homeDC = homeDC
        self.userID = userID
        self.dataCenters = dataCenters
        self.takeoutID = takeoutID
    }

    /// The address stored for data center `dc`.
    public func address(dc: Int) -> DataCenterAddress? {
        dataCenters.first { $0.dc == dc }
    }
}
