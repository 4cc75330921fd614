import TL

/// A 64-bit fingerprint of a message's media that ignores what changes without an edit.
///
/// Telegram refreshes `file_reference` bytes and poll `results` on its own; an edit replaces the media's
/// photo, document, caption entities or poll. The fingerprint is FNV-1a over the media's JSON without those
/// fields, so equal fingerprints mean "same media" (a collision, 2⁻⁶⁴, would only skip one version row).
enum MediaDigest {
    static func of(_ media: TLJSONValue) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in stable(media).compactText.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return Int64(bitPattern: hash)
    }

    /// Keys that change without the author editing anything.
    private static let volatileKeys: Set<String> = ["file_reference", "results"]

    private static func stable(_ value: TLJSONValue) -> TLJSONValue {
        switch value {
        case .object(let pairs):
            return .object(pairs.filter { !volatileKeys.contains($0.0) }.map { ($0.0, stable($0.1)) })
        case .array(let items):
            return .array(items.map(stable))
        default:
            return value
        }
    }
}
