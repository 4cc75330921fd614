/// Why a session string could not be read. Descriptions never quote the string: it holds auth keys.
public enum SessionStringError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is not base64url.
    case notBase64
    /// The string was written by a format version this build does not know.
    case unknownVersion(Int)
    /// The string ends before its content does (cut off when copied?).
    case truncated
    /// The checksum does not match the content: the string was altered or mistyped.
    case checksumMismatch
    /// The content is complete and checksummed but not valid (a bad key length or host).
    case malformed(String)

    /// A sentence for the person who pasted the string.
    public var description: String {
        switch self {
        case .notBase64: "the session string is not base64url text"
        case .unknownVersion(let version): "the session string has format version \(version), which this tgcron cannot read"
        case .truncated: "the session string is truncated; copy it again in full"
        case .checksumMismatch: "the session string's checksum does not match; it was altered or mistyped"
        case .malformed(let reason): "the session string is malformed: \(reason)"
        }
    }
}
