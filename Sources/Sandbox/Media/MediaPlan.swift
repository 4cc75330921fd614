import TL

/// The file facts of one synthetic message's photo or document: what `MediaComposer` renders into the
/// message and what `upload.getFile` serves. A pure function of (seed, channel, message id).
struct MediaPlan: Sendable, Equatable {
    /// One downloadable photo size (`photoSize` or `photoSizeProgressive`).
    struct PhotoSize: Sendable, Equatable {
        /// The size's type letter (`m`, `x`, `y`), the `thumb_size` that downloads it.
        var type: String
        var width: Int32
        var height: Int32
        /// The byte count; for a progressive size the last of `progressiveSizes`.
        var size: Int
        /// The prefix lengths a progressive JPEG offers, ascending; empty for a plain size.
        var progressiveSizes: [Int]
    }

    /// What kind of file it is.
    enum Content: Sendable, Equatable {
        /// A photo in several sizes, plus a tiny stripped preview sent inline.
        case photo(sizes: [PhotoSize], stripped: [UInt8])
        /// A document with its mime type, size and attributes.
        case document(mimeType: String, size: Int, attributes: [Api.DocumentAttribute], isVideo: Bool)
    }

    /// The photo or document id (encodes the channel and message, see `FileID`).
    var id: Int64
    var accessHash: Int64
    /// The DC the file lives on.
    var dc: Int
    var date: Int32
    var content: Content

    /// The message media, carrying the file reference of `referenceEpoch`.
    func media(seed: UInt64, referenceEpoch: Int) -> Api.MessageMedia {
        let reference = FileID.reference(seed: seed, fileID: id, epoch: referenceEpoch)
        switch content {
        case .photo(let sizes, let stripped):
            var rendered: [Api.PhotoSize] = [.photoStrippedSize(.init(type: "i", bytes: stripped))]
            for size in sizes {
                rendered.append(size.progressiveSizes.isEmpty
                    ? .photoSize(.init(type: size.type, w: size.width, h: size.height, size: Int32(size.size)))
                    : .photoSizeProgressive(.init(
                        type: size.type, w: size.width, h: size.height, sizes: size.progressiveSizes.map { Int32($0) })))
            }
            return .messageMediaPhoto(.init(photo: .photo(.init(
                id: id, accessHash: accessHash, fileReference: reference, date: date, sizes: rendered, dcId: Int32(dc)))))
        case .document(let mimeType, let size, let attributes, let isVideo):
            return .messageMediaDocument(.init(video: isVideo, document: .document(.init(
                id: id, accessHash: accessHash, fileReference: reference, date: date, mimeType: mimeType,
                size: Int64(size), dcId: Int32(dc), attributes: attributes))))
        }
    }

    /// The file `thumbSize` names: a photo size's type, or "" for a document itself; nil if there is none.
    func file(seed: UInt64, thumbSize: String) -> SandboxFile? {
        switch content {
        case .photo(let sizes, _):
            guard let size = sizes.first(where: { $0.type == thumbSize }) else { return nil }
            return SandboxFile(key: FileID.contentKey(seed: seed, fileID: id, thumbSize: thumbSize), size: size.size, dc: dc)
        case .document(_, let size, _, _):
            guard thumbSize.isEmpty else { return nil }
            return SandboxFile(key: FileID.contentKey(seed: seed, fileID: id, thumbSize: ""), size: size, dc: dc)
        }
    }

    /// The file a client downloads by default: a photo's largest size, or the document.
    func mainFile(seed: UInt64) -> (thumbSize: String, file: SandboxFile)? {
        switch content {
        case .photo(let sizes, _):
            guard let largest = sizes.max(by: { $0.size < $1.size }),
                  let file = file(seed: seed, thumbSize: largest.type) else { return nil }
            return (largest.type, file)
        case .document:
            return file(seed: seed, thumbSize: "").map { ("", $0) }
        }
    }
}

/// One servable file: where its bytes come from, how many there are and which DC holds them.
public struct SandboxFile: Sendable, Equatable {
    /// The key of `FileContent`.
    public var key: UInt64
    /// The size in bytes.
    public var size: Int
    /// The DC that serves it; others answer `FILE_MIGRATE_X`.
    public var dc: Int
}

/// How photo and document ids name the message they belong to, and the keys derived from them.
enum FileID {
    /// The id of the file of message `messageID` in the world's channel number `channelIndex`: the pair
    /// in the low 56 bits, scrambled by a seed-derived mask so ids look arbitrary but decode in O(1).
    static func encode(seed: UInt64, channelIndex: Int, messageID: Int) -> Int64 {
        let raw = UInt64(channelIndex + 1) << 32 | UInt64(UInt32(truncatingIfNeeded: messageID))
        return Int64(bitPattern: raw ^ mask(seed: seed))
    }

    /// The (channel index, message id) of file `id`, or nil for an id no channel could have made.
    static func decode(seed: UInt64, id: Int64) -> (channelIndex: Int, messageID: Int)? {
        let raw = UInt64(bitPattern: id) ^ mask(seed: seed)
        let channel = Int(raw >> 32)
        let message = Int(raw & 0xFFFF_FFFF)
        guard channel >= 1, channel < 1 << 20, message >= 1 else { return nil }
        return (channel - 1, message)
    }

    /// Clear of the sign bit, so every id stays positive.
    private static func mask(seed: UInt64) -> UInt64 {
        Draw.mix(seed ^ 0xF11E) & 0x7FFF_FFFF_FFFF_FFFF
    }

    /// The key the bytes of file `fileID` at `thumbSize` derive from.
    static func contentKey(seed: UInt64, fileID: Int64, thumbSize: String) -> UInt64 {
        Draw.mix(seed ^ Draw.mix(UInt64(bitPattern: fileID)) ^ Draw.key(thumbSize))
    }

    /// The file reference of `fileID` after `epoch` expiries.
    static func reference(seed: UInt64, fileID: Int64, epoch: Int) -> [UInt8] {
        var draw = Draw(seed, UInt64(bitPattern: fileID), UInt64(epoch), DrawPurpose.fileReference.rawValue)
        return (0..<2).flatMap { _ in withUnsafeBytes(of: draw.next().littleEndian, Array.init) }
    }
}
