/// Who a finished login signed in as, and where the account lives.
public struct LoggedInUser: Sendable, Equatable {
    /// The data center holding the account (the one to keep using).
    public var dc: Int
    /// The user id.
    public var userID: Int64
    /// The first name, for the log.
    public var firstName: String?

    /// Creates a result.
    public init(dc: Int, userID: Int64, firstName: String?) {
        self.dc = dc
        self.userID = userID
        self.firstName = firstName
    }
}
