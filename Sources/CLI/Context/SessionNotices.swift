import Archive
import ClientStore
import Foundation

/// What `status` tells the operator about the account's login beyond the jobs' rows.
enum SessionNotices {
    /// The account's need for a new login, if it has one.
    static func notices(in store: any ArchiveStorage, session name: String = ArchiveClientStateStore.defaultName) throws(ArchiveError) -> [String] {
        guard let (reason, since) = try store.loginNeeded(session: name) else { return [] }
        return ["login needed since \(ISO8601DateFormatter().string(from: since)): \(reason). Run `tgcron login`."]
    }
}
