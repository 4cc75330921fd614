import TL

/// Where a file's bytes are: the `InputFileLocation` naming it, the DC holding it and its size. Built
/// from a message's photo or document; a refreshed copy differs only in its file reference.
public struct FileLocation: Sendable, Equatable {
    /// The location sent in `upload.getFile`.
    public var input: Api.InputFileLocation
    /// The DC that serves the file (`photo.dc_id` / `document.dc_id`).
    public var dc: Int
    /// The file's size in bytes.
    public var size: Int64

    /// A location from its parts.
    public init(input: Api.InputFileLocation, dc: Int, size: Int64) {
        self.input = input
        self.dc = dc
        self.size = size
    }

    /// The photo size `type` of `photo` (by default the largest downloadable one); nil for an empty photo
    /// or a size that is only inline (`photoStrippedSize`, `photoCachedSize`, `photoPathSize`).
    public init?(photo: Api.Photo, sizeType type: String? = nil) {
        guard case .photo(let value) = photo else { return nil }
        let sizes: [(type: String, bytes: Int64)] = value.sizes.compactMap { size in
            switch size {
            case .photoSize(let plain): (plain.type, Int64(plain.size))
            case .photoSizeProgressive(let progressive): progressive.sizes.max().map { (progressive.type, Int64($0)) }
            default: nil
            }
        }
        let chosen = type.map { wanted in sizes.first { $0.type == wanted } } ?? sizes.max { $0.bytes < $1.bytes }
        guard let chosen else { return nil }
        self.init(
            input: .inputPhotoFileLocation(.init(
                id: value.id, accessHash: value.accessHash, fileReference: value.fileReference, thumbSize: chosen.type)),
            dc: Int(value.dcId), size: chosen.bytes)
    }

    /// The document itself (not a thumbnail); nil for an empty document.
    public init?(document: Api.Document) {
        guard case .document(let value) = document else { return nil }
        self.init(
            input: .inputDocumentFileLocation(.init(
                id: value.id, accessHash: value.accessHash, fileReference: value.fileReference, thumbSize: "")),
            dc: Int(value.dcId), size: value.size)
    }

    /// The file a message's media downloads by default: a photo's largest size or the document; nil
    /// for media without a file.
    public init?(media: Api.MessageMedia, photoSizeType: String? = nil) {
        switch media {
        case .messageMediaPhoto(let value):
            guard let photo = value.photo else { return nil }
            self.init(photo: photo, sizeType: photoSizeType)
        case .messageMediaDocument(let value):
            guard let document = value.document else { return nil }
            self.init(document: document)
        default:
            return nil
        }
    }

    /// The photo or document id, which a refreshed location must keep.
    var fileID: Int64? {
        switch input {
        case .inputPhotoFileLocation(let value): value.id
        case .inputDocumentFileLocation(let value): value.id
        default: nil
        }
    }

    /// The photo size type a photo location names, to find the same size in a refreshed message.
    var photoSizeType: String? {
        if case .inputPhotoFileLocation(let value) = input { return value.thumbSize }
        return nil
    }
}
