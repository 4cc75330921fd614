import Archive
import Foundation
import Governor
import Jobs

/// An account's governor state in the archive's `governor_state` row of that account, as JSON: one truth for
/// every job of the account, every cron invocation and every concurrent tgcron process (or runner) using it.
///
/// Each update is one IMMEDIATE SQLite transaction (`ArchiveStore.updateGovernorState`), so processes queue
/// on the busy timeout and never interleave a read with another's write. An update that leaves the state as
/// it was writes nothing.
public struct ArchiveGovernorStateStore: GovernorStateStore {
    /// The archive holding the state.
    public let archive: any ArchiveStorage
    /// The account whose state this is.
    public let account: String
    /// The time stamped on saved states (`updated_at`).
    private let now: @Sendable () -> Date

    /// `account`'s state in `archive`, stamping saves with `now` (the wall clock by default).
    public init(archive: any ArchiveStorage, account: String = AccountSettings.defaultName, now: @escaping @Sendable () -> Date = { Date() }) {
        self.archive = archive
        self.account = account
        self.now = now
    }

    /// Runs `body` on the stored state (a fresh `GovernorState` if none was saved) in one transaction.
    public func update<Result>(_ body: (inout GovernorState) -> Result) throws(GovernorStoreError) -> Result {
        var result: Result?
        do {
            try archive.updateGovernorState(account: account, now: now()) { stored in
                var state = try stored.map(Self.decode) ?? GovernorState()
                let before = state
                result = body(&state)
                if let stored, state == before { return stored }
                return try Self.encode(state)
            }
        } catch let error as StateCodingError {
            throw error.storeError(location: archive.path)
        } catch let error as ArchiveError {
            throw Self.storeError(error, location: archive.path)
        } catch {
            throw .writeFailed(location: archive.path, reason: "\(error)")
        }
        guard let result else {
            throw .writeFailed(location: archive.path, reason: "the transaction ended without running the update")
        }
        return result
    }

    private static func decode(_ data: Data) throws(StateCodingError) -> GovernorState {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        do {
            return try decoder.decode(GovernorState.self, from: data)
        } catch {
            throw .undecodable("\(error)")
        }
    }

    private static func encode(_ state: GovernorState) throws(StateCodingError) -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        encoder.outputFormatting = .sortedKeys
        do {
            return try encoder.encode(state)
        } catch {
            throw .unencodable("\(error)")
        }
    }

    /// An archive failure as the governor's store error: a lock held too long, a damaged database, or a
    /// failed write (every other archive error happens while writing the transaction).
    private static func storeError(_ error: ArchiveError, location: String) -> GovernorStoreError {
        switch error {
        case .busy: .lockFailed(location: location, reason: error.description)
        case .corrupt: .corruptState(location: location, reason: error.description)
        default: .writeFailed(location: location, reason: error.description)
        }
    }
}

/// The stored JSON could not be turned into a state, or a state into JSON.
private enum StateCodingError: Error {
    case undecodable(String)
    case unencodable(String)

    func storeError(location: String) -> GovernorStoreError {
        switch self {
        case .undecodable(let reason): .corruptState(location: location, reason: reason)
        case .unencodable(let reason): .writeFailed(location: location, reason: reason)
        }
    }
}
