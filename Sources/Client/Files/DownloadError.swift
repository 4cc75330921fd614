/// Why a download stopped. The bytes written so far stay in the sink; a later download can resume
/// from the last offset reported as complete.
public enum DownloadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file reference expired and could not be refreshed (no refresher, or refreshes kept expiring).
    case fileReferenceExpired
    /// The server answered a part with fewer or more bytes than the file's size implies.
    case unexpectedPartLength(offset: Int64, expected: Int, received: Int)
    /// The start offset lies outside the file.
    case offsetOutsideFile(offset: Int64, size: Int64)
    /// The sink refused the bytes.
    case sink(String)
    /// The server redirected to a CDN, which the client never asks for (`cdn_supported` is false).
    case cdnRedirect

    /// A sentence for the log.
    public var description: String {
        switch self {
        case .fileReferenceExpired: "the file reference expired and could not be refreshed"
        case .unexpectedPartLength(let offset, let expected, let received):
            "the part at \(offset) has \(received) bytes where \(expected) were expected"
        case .offsetOutsideFile(let offset, let size): "offset \(offset) is outside the file of \(size) bytes"
        case .sink(let reason): "cannot store the download: \(reason)"
        case .cdnRedirect: "the server redirected the download to a CDN, which was not asked for"
        }
    }
}
