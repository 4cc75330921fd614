import Foundation
import MTProtoCrypto

/// The media files on disk: content-addressed (`<root>/ab/cd/<sha256>.<ext>`), so a file in many
/// messages or channels is stored once, and written first to `<root>/partial/<file id>.part`, synced and
/// renamed only when whole and verified, so a path in the store always holds a complete file.
public struct ContentStore: Sendable {
    /// The store's folder.
    public let root: String

    /// The store under `root`.
    public init(root: String) {
        self.root = root
    }

    /// The partial file of photo or document `fileID`.
    public func partialPath(fileID: Int64) -> String {
        "\(root)/partial/\(fileID).part"
    }

    /// The path, relative to the root, of the file with SHA-256 `sha256` (hex) and extension `ext`.
    public static func relativePath(sha256: String, ext: String) -> String {
        let name = ext.isEmpty ? sha256 : "\(sha256).\(ext)"
        return "\(sha256.prefix(2))/\(sha256.dropFirst(2).prefix(2))/\(name)"
    }

    /// The absolute path of `relative`.
    public func absolutePath(_ relative: String) -> String {
        "\(root)/\(relative)"
    }

    /// Creates the partial folder if missing.
    func preparePartial() throws {
        try FileManager.default.createDirectory(atPath: "\(root)/partial", withIntermediateDirectories: true)
    }

    /// Moves a verified partial file into the store under `relative` (already there: the same content,
    /// so the partial is dropped), syncing the file and its folder so the rename survives a power cut.
    func publish(partial: String, as relative: String) throws {
        let target = absolutePath(relative)
        let folder = (target as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Self.sync(path: partial)
        if FileManager.default.fileExists(atPath: target) {
            try FileManager.default.removeItem(atPath: partial)
            return
        }
        guard rename(partial, target) == 0 else {
            throw ContentStoreError("cannot move \(partial) to \(target): \(String(cString: strerror(errno)))")
        }
        try Self.sync(path: folder)
    }

    /// `fsync` of the file or folder at `path`.
    static func sync(path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ContentStoreError("cannot open \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw ContentStoreError("cannot sync \(path): \(String(cString: strerror(errno)))") }
    }

    /// The file name extension for a file of `mimeType` named `fileName` (the name's own, else one for the type).
    public static func fileExtension(mimeType: String?, fileName: String?) -> String {
        if let fileName, let dot = fileName.lastIndex(of: "."), fileName.index(after: dot) < fileName.endIndex {
            let ext = fileName[fileName.index(after: dot)...].lowercased()
            if ext.count <= 10, ext.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) { return ext }
        }
        let known = ["image/jpeg": "jpg", "image/png": "png", "image/gif": "gif", "image/webp": "webp",
                     "video/mp4": "mp4", "video/quicktime": "mov", "audio/mpeg": "mp3", "audio/ogg": "ogg",
                     "application/pdf": "pdf", "application/zip": "zip", "application/x-tgsticker": "tgs",
                     "text/plain": "txt", "video/webm": "webm", "audio/mp4": "m4a"]
        return mimeType.flatMap { known[$0.lowercased()] } ?? "bin"
    }
}

/// A file-system failure of the media store.
public struct ContentStoreError: Error, CustomStringConvertible, Sendable {
    /// What went wrong.
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}

extension ContentStore {
    /// The SHA-256 (hex) and size of the file at `path`, read 1 MiB at a time; nil if it cannot be read.
    public static func digest(ofFileAt path: String) -> (sha256: String, size: Int64)? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let stream = SHA256Stream()
        var size: Int64 = 0
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                size += Int64(chunk.count)
                chunk.withUnsafeBytes { stream.update($0) }
            }
        } catch {
            return nil
        }
        return (stream.finish().map { String(format: "%02x", $0) }.joined(), size)
    }
}
