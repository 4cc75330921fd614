import Foundation

/// A store in a JSON file, shared by processes through an advisory lock on `<file>.lock`.
///
/// Each transaction locks, reads the file, runs the change and, when the state changed, replaces the file
/// atomically (a new file renamed over the old), so a crash leaves either the old state or the new.
public struct JSONFileGovernorStateStore: GovernorStateStore {
    /// The JSON file; it need not exist yet, but its directory must.
    public let fileURL: URL

    /// A store in `fileURL`.
    public init(fileURL: URL) {
        self.fileURL = fileURL
    }

    /// Runs `body` on the file's state while holding the lock, and writes the state back if it changed.
    public func update<Result>(_ body: (inout GovernorState) -> Result) throws(GovernorStoreError) -> Result {
        try AdvisoryFileLock.withExclusiveLock(path: fileURL.path + ".lock") { () throws(GovernorStoreError) in
            var state = try load()
            let before = state
            let result = body(&state)
            if state != before { try save(state) }
            return result
        }
    }

    private func load() throws(GovernorStoreError) -> GovernorState {
        guard FileManager.default.fileExists(atPath: fileURL.path) else { return GovernorState() }
        let data: Data
        do {
            data = try Data(contentsOf: fileURL)
        } catch {
            throw .readFailed(location: fileURL.path, reason: "\(error)")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        do {
            return try decoder.decode(GovernorState.self, from: data)
        } catch {
            throw .corruptState(location: fileURL.path, reason: "\(error)")
        }
    }

    private func save(_ state: GovernorState) throws(GovernorStoreError) {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            try encoder.encode(state).write(to: fileURL, options: .atomic)
        } catch {
            throw .writeFailed(location: fileURL.path, reason: "\(error)")
        }
    }
}
