import Archive
import ClientStore
import Foundation

/// What `status` tells the operator about the account's login beyond the jobs' rows.
enum SessionNotices {
    /// Each account's need for a new login, if it has one.
    static func notices(in store: any ArchiveStorage, accounts: [String] = [ArchiveClientStateStore.defaultName]) throws(ArchiveError) -> [String] {
        var notices: [String] = []
        for name in accounts {
            guard let (reason, since) = try store.loginNeeded(session: name) else { continue }
            let date = ISO8601DateFormatter().string(from: since)
            if name == ArchiveClientStateStore.defaultName {
                notices.append("login needed since \(date): \(reason). Run `tgcron login`.")
            } else {
                notices.append("account \(name): login needed since \(date): \(reason). Run `tgcron login --account \(name)`.")
            }
        }
        return notices
    }
}
