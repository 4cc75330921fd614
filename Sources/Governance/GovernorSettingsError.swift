import Governor
import Jobs

/// The settings or job files describe a governor configuration that cannot work.
public enum GovernorSettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An account-level setting (`telegram_client:` in the settings) is out of range.
    case invalidSettings(GovernorConfigurationError)
    /// The job `name`'s settings (its `warmup:` block) are out of range.
    case invalidJob(name: String, location: SourceLocation, GovernorConfigurationError)
    /// Two jobs with warm-up budgets are read in different time zones, but the account counts budget days
    /// in one zone.
    case conflictingBudgetTimeZones(first: String, firstZone: String, other: String, otherZone: String, location: SourceLocation)

    /// What is wrong and where, for the person reading the log.
    public var description: String {
        switch self {
        case .invalidSettings(let error):
            "settings: \(error)"
        case .invalidJob(let name, let location, let error):
            "\(location): job \(name): \(error)"
        case .conflictingBudgetTimeZones(let first, let firstZone, let other, let otherZone, let location):
            "\(location): job \(other) has a warm-up budget counted in \(otherZone), but job \(first)'s is counted "
                + "in \(firstZone); budget days renew at one midnight for the whole account, so give both the same timezone"
        }
    }
}
