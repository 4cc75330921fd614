import TL

/// `upload.getFile` as a download sends it: the same request on the wire (and the same name for the
/// governor's `files` class and the audit), but its answer keeps the part's bytes as a slice of the
/// received message instead of copying them out as `Api.Upload.File` does, so a 1 MiB part goes from
/// the decrypted packet to the sink without another copy.
struct FilePartRequest: TLFunction {
    typealias Result = FilePart

    /// The request sent.
    let request: Api.Upload.GetFile

    static var tlName: String { Api.Upload.GetFile.tlName }
    static var constructorID: UInt32 { Api.Upload.GetFile.constructorID }

    func serialize(into writer: inout TLWriter) {
        request.serialize(into: &writer)
    }

    static func decodeResult(from reader: inout TLReader) throws(TLDecodingError) -> FilePart {
        try FilePart(from: &reader)
    }
}

/// The answer to `upload.getFile` (TL type `upload.File`): a part's bytes, or a CDN redirect, which
/// this client never asks for (`cdn_supported` is false).
enum FilePart: Sendable {
    /// `upload.file`: the part's bytes, sharing the storage of the message they came in.
    case bytes(ArraySlice<UInt8>)
    /// `upload.fileCdnRedirect`.
    case cdnRedirect

    /// Reads a boxed `upload.File`; `type` and `mtime` of `upload.file` are read and dropped.
    init(from reader: inout TLReader) throws(TLDecodingError) {
        let offset = reader.position
        let id = try reader.readUInt32()
        switch id {
        case Api.Upload.File.File.constructorID:
            _ = try Api.Storage.FileType(from: &reader)
            _ = try reader.readInt32()
            self = .bytes(try reader.readBytesSlice())
        case Api.Upload.File.FileCdnRedirect.constructorID:
            _ = try Api.Upload.File.FileCdnRedirect(bareFrom: &reader)
            self = .cdnRedirect
        default:
            throw .unknownConstructor(id: id, expectedType: Api.Upload.File.tlTypeName, offset: offset)
        }
    }
}
