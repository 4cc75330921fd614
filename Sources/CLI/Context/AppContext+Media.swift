import Foundation

extension AppContext {
    /// The media store's folder: `media.root`, or `media/` beside the archive database in use (`--db` too).
    var mediaRoot: String {
        if let root = settings.media.root { return root }
        let folder = (databasePath as NSString).deletingLastPathComponent
        return folder.isEmpty ? "media" : "\(folder)/media"
    }
}
