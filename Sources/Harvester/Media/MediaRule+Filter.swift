import Jobs

extension MediaRule {
    /// Why a file of `type`, `size` bytes and `mimeType` is skipped (the rule that refused it), or nil to
    /// download it. A skipped file is still recorded in the ledger, as `skipped` with this reason.
    func skipReason(type: MediaType, size: Int64, mimeType: String?) -> String? {
        if !types.contains(type) { return "types: \(type.rawValue) not wanted" }
        if let minSize, size < minSize { return "min_size: \(size) bytes < \(minSize)" }
        if let maxSize, size > maxSize { return "max_size: \(size) bytes > \(maxSize)" }
        if !mime.isEmpty {
            let actual = (mimeType ?? "").lowercased()
            let matches = mime.contains { pattern in
                pattern.hasSuffix("/*") ? actual.hasPrefix(String(pattern.dropLast())) : actual == pattern
            }
            if !matches { return "mime: \(actual.isEmpty ? "unknown type" : actual) not wanted" }
        }
        return nil
    }
}
