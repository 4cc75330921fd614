import Archive
import Client

/// Moves a login between archives as a session string (`tgcron session export` / `import`).
public enum SessionTransfer {
    /// The session string of `store`'s logged-in session; `ClientError.loginRequired` if it is not logged in.
    public static func export(from store: ArchiveClientStateStore) async throws -> String {
        try await SessionString.export(from: store).text
    }

    /// Reads `text` and writes its login into `store`, replacing the session there.
    /// Throws `SessionStringError` for a bad string (never quoting it) or `SessionStoreError`.
    public static func importSession(_ text: String, into store: ArchiveClientStateStore) async throws {
        try await SessionString(text).importInto(store)
    }
}
