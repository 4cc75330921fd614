/// The `account:` a job names, with where it names it (to point at it when settings do not declare it).
public struct JobAccount: Hashable, Sendable {
    /// The account's name.
    public var name: String
    /// Where the `account:` value is.
    public var location: SourceLocation

    /// The account `name`, named at `location`.
    public init(name: String, location: SourceLocation) {
        self.name = name
        self.location = location
    }
}

extension Job {
    /// The account whose session, governor and budgets the job uses: the one it names, or the default.
    public var accountName: String { account?.name ?? AccountSettings.defaultName }
}
