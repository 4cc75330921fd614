/// A store could not run a transaction on the governor's state; `location` names the file or database.
public enum GovernorStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The store's lock could not be taken.
    case lockFailed(location: String, reason: String)
    /// The stored state could not be read.
    case readFailed(location: String, reason: String)
    /// The stored state was read but is not a governor state (damaged or from an incompatible version).
    case corruptState(location: String, reason: String)
    /// The new state could not be saved; the stored state is the one before the transaction.
    case writeFailed(location: String, reason: String)

    /// What failed and where, for the person reading the log.
    public var description: String {
        switch self {
        case .lockFailed(let location, let reason): "governor state: cannot lock \(location): \(reason)"
        case .readFailed(let location, let reason): "governor state: cannot read \(location): \(reason)"
        case .corruptState(let location, let reason):
            "governor state: \(location) is not a valid governor state (\(reason)); move it aside to start afresh"
        case .writeFailed(let location, let reason): "governor state: cannot write \(location): \(reason)"
        }
    }
}
