/// Which media of a job's messages to download (`media:` in a job or `defaults:`); a job without one
/// downloads none.
public struct MediaRule: Hashable, Sendable {
    /// The kinds of media to download.
    public var types: Set<MediaType>
    /// Files smaller than this many bytes are skipped; nil for no lower bound.
    public var minSize: Int64?
    /// Files larger than this many bytes are skipped; nil for no upper bound.
    public var maxSize: Int64?
    /// MIME type patterns (`image/*`, `application/pdf`) a file must match one of; empty for any.
    public var mime: [String]

    /// A rule; by default every type, any size, any MIME type.
    public init(types: Set<MediaType> = Set(MediaType.allCases), minSize: Int64? = nil, maxSize: Int64? = nil,
                mime: [String] = []) {
        self.types = types
        self.minSize = minSize
        self.maxSize = maxSize
        self.mime = mime
    }
}

/// A kind of media a job can ask for, named as in job files.
public enum MediaType: String, CaseIterable, Hashable, Sendable {
    case photo, video, document, audio, voice
    case videoNote = "video_note"
    case animation, sticker
}
