import Foundation
import TL

/// Where `desktop-json --with-media DIR` puts downloaded files: hard links (or copies, across file
/// systems) of the media store's files in Telegram Desktop's export folders under `directory`, named
/// as Desktop names them, and the placeholder Desktop writes for a file it did not download.
///
/// Desktop's placeholders (`Telegram/SourceFiles/export/output/export_output_json.cpp`, `pushPath`):
/// "(File not included. Change data exporting settings to download.)" for a type left out,
/// "(File exceeds maximum size. Change data exporting settings to download.)" for a size over the limit,
/// "(File unavailable, please try again later)" for a file that could not be fetched.
public struct DesktopMediaFolder: Sendable {
    /// The media store's folder (the ledger's paths are relative to it).
    public var root: String
    /// The export folder (the JSON's paths are relative to it).
    public var directory: String

    static let notIncluded = "(File not included. Change data exporting settings to download.)"
    static let tooLarge = "(File exceeds maximum size. Change data exporting settings to download.)"
    static let unavailable = "(File unavailable, please try again later)"

    /// Files from the store under `root` placed under `directory`.
    public init(root: String, directory: String) {
        self.root = root
        self.directory = directory
    }

    /// Desktop's folder for a kind of file.
    static func folder(kind: String) -> String {
        switch kind {
        case "photo": "photos"
        case "video", "animation": "video_files"
        case "voice": "voice_messages"
        case "video_note": "round_video_messages"
        case "sticker": "stickers"
        default: "files"
        }
    }

    /// The placeholder for a file not in the store, by the ledger's state.
    static func placeholder(for entry: MediaEntry?) -> String {
        guard let entry else { return notIncluded }
        switch entry.status {
        case .skipped: return entry.skipReason?.hasPrefix("max_size") == true || entry.skipReason?.hasPrefix("min_size") == true
            ? tooLarge : notIncluded
        case .pending, .partial, .failed: return unavailable
        case .done: return notIncluded
        }
    }

    /// Places `entry`'s stored file (sent at `date`, Unix time) in its folder and returns the path relative to
    /// `directory`: `photos/photo_<id>@<dd-MM-yyyy_HH-mm-ss>.jpg`, `voice_messages/audio_<id>@<date>.ogg`,
    /// `round_video_messages/file_<id>@<date>.mp4`, else the document's own file name (the message id first
    /// when another file took the name).
    func place(_ entry: MediaEntry, date: Int64?, dates: ExportDateFormat) throws(ArchiveError) -> String? {
        guard entry.status == .done, let stored = entry.path else { return nil }
        let folder = Self.folder(kind: entry.kind)
        let stamp = date.map { Self.stamp($0, dates: dates) } ?? "0"
        let ext = (stored as NSString).pathExtension
        let name: String
        switch entry.kind {
        case "photo": name = "photo_\(entry.messageId)@\(stamp).\(ext)"
        case "voice": name = "audio_\(entry.messageId)@\(stamp).\(ext)"
        case "video_note": name = "file_\(entry.messageId)@\(stamp).\(ext)"
        default:
            let own = entry.fileName.map { ($0 as NSString).lastPathComponent }.flatMap { $0.isEmpty || $0.hasPrefix(".") ? nil : $0 }
            name = own ?? "file_\(entry.messageId)@\(stamp).\(ext)"
        }
        var relative = "\(folder)/\(name)"
        let source = "\(root)/\(stored)"
        do {
            try FileManager.default.createDirectory(atPath: "\(directory)/\(folder)", withIntermediateDirectories: true)
            if FileManager.default.fileExists(atPath: "\(directory)/\(relative)") {
                guard !FileManager.default.contentsEqual(atPath: "\(directory)/\(relative)", andPath: source) else { return relative }
                relative = "\(folder)/\(entry.messageId)_\(name)"
                if FileManager.default.fileExists(atPath: "\(directory)/\(relative)") { return relative }
            }
            let target = "\(directory)/\(relative)"
            if link(source, target) != 0 { try FileManager.default.copyItem(atPath: source, toPath: target) }
        } catch {
            throw .exportFailed(reason: "cannot place \(source) in \(directory): \(error)")
        }
        return relative
    }

    /// Desktop's date in file names: `dd-MM-yyyy_HH-mm-ss`, local time.
    private static func stamp(_ unix: Int64, dates: ExportDateFormat) -> String {
        // ExportDateFormat writes `yyyy-MM-ddTHH:mm:ss`; Desktop's file names reorder it.
        let text = dates.string(unixTime: unix)
        let parts = text.split(whereSeparator: { "-T:".contains($0) }).map(String.init)
        guard parts.count >= 6 else { return text }
        return "\(parts[2])-\(parts[1])-\(parts[0])_\(parts[3])-\(parts[4])-\(parts[5].prefix(2))"
    }

    /// `object` (a message of `result.json`) with its `photo` or `file` placeholder replaced by the placed
    /// file's path, or by the placeholder that says why it is missing, and the file's size.
    func fill(_ object: TLJSONValue, entry: MediaEntry?, date: Int64?, dates: ExportDateFormat) throws(ArchiveError) -> TLJSONValue {
        guard case .object(var fields) = object,
              let index = fields.firstIndex(where: { $0.0 == "photo" || $0.0 == "file" }) else { return object }
        let key = fields[index].0
        if let entry, let path = try place(entry, date: date, dates: dates) {
            fields[index].1 = .string(path)
            fields.insert((key == "photo" ? "photo_file_size" : "file_size", .integer(entry.size)), at: index + 1)
            if key == "file", let mime = entry.mimeType, !fields.contains(where: { $0.0 == "mime_type" }) {
                fields.append(("mime_type", .string(mime)))
            }
        } else {
            fields[index].1 = .string(Self.placeholder(for: entry))
        }
        return .object(fields)
    }
}
