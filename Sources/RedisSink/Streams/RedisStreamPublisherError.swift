import Archive

/// Why publishing the change log to Redis stopped. Nothing past the last acknowledged batch is marked
/// published, so the next attempt resends from there.
public enum RedisStreamPublisherError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Redis could not be reached or refused a command.
    case redis(RedisError)
    /// The archive could not be read or the cursor not saved.
    case archive(ArchiveError)

    /// What failed, for the log.
    public var description: String {
        switch self {
        case let .redis(error): error.description
        case let .archive(error): error.description
        }
    }
}
