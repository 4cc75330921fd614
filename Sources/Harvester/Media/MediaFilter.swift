/// Which files a job downloads: kinds, a size range and MIME patterns. A file the filter refuses is
/// still recorded in the ledger, as `skipped` with the rule that refused it.
public struct MediaFilter: Sendable, Equatable {
    /// The kinds to download.
    public var kinds: Set<MediaKind>
    /// Smaller files are skipped; nil for no bound.
    public var minSize: Int64?
    /// Larger files are skipped; nil for no bound.
    public var maxSize: Int64?
    /// Lower-case MIME patterns (`image/*`, `application/pdf`), one of which must match; empty for any.
    public var mime: [String]

    /// A filter; by default every kind, any size and type.
    public init(kinds: Set<MediaKind> = Set(MediaKind.allCases), minSize: Int64? = nil, maxSize: Int64? = nil,
                mime: [String] = []) {
        self.kinds = kinds
        self.minSize = minSize
        self.maxSize = maxSize
        self.mime = mime
    }

    /// Why a file of `kind`, `size` bytes and `mimeType` is skipped, or nil to download it.
    public func skipReason(kind: MediaKind, size: Int64, mimeType: String?) -> String? {
        if !kinds.contains(kind) { return "types: \(kind.rawValue) not wanted" }
        if let minSize, size < minSize { return "min_size: \(size) bytes < \(minSize)" }
        if let maxSize, size > maxSize { return "max_size: \(size) bytes > \(maxSize)" }
        if !mime.isEmpty {
            let type = (mimeType ?? "").lowercased()
            let matches = mime.contains { pattern in
                pattern.hasSuffix("/*") ? type.hasPrefix(String(pattern.dropLast())) : type == pattern
            }
            if !matches { return "mime: \(type.isEmpty ? "unknown type" : type) not wanted" }
        }
        return nil
    }
}
