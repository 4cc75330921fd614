/// A 64-bit fingerprint of a message's media that ignores what changes without an edit.
///
/// Telegram refreshes `file_reference` bytes and poll `results` on its own; an edit replaces the media's
/// photo, document, caption entities or poll. The fingerprint is FNV-1a over the media's compact JSON with
/// every `"file_reference"` and `"results"` member removed (at any depth), so equal fingerprints mean "same
/// media" (a collision, 2⁻⁶⁴, would only skip one version row).
enum MediaDigest {
    /// The fingerprint of compact TL JSON as `TLJSONWriter` writes it.
    ///
    /// The text is scanned once: outside strings, a `,` followed by a volatile key starts a member to skip
    /// (TL objects open with `"_"`, so a volatile member is never the first and always has that comma).
    static func of(json: [UInt8]) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var index = 0
        while index < json.count {
            let byte = json[index]
            if byte == comma, let value = volatileValueStart(json, after: index) {
                index = JSONSkip.value(json, from: value)
                continue
            }
            let end = byte == quote ? JSONSkip.string(json, from: index) : index + 1
            for position in index..<end {
                hash ^= UInt64(json[position])
                hash = hash &* 0x0000_0100_0000_01b3
            }
            index = end
        }
        return Int64(bitPattern: hash)
    }

    /// Members that change without the author editing anything, as they appear after a comma.
    private static let volatileKeys = [Array(#""file_reference":"#.utf8), Array(#""results":"#.utf8)]
    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")

    /// Where the value of a volatile member starts, if one follows the comma at `comma`.
    private static func volatileValueStart(_ json: [UInt8], after comma: Int) -> Int? {
        let rest = json[(comma + 1)...]
        for key in volatileKeys where rest.starts(with: key) { return comma + 1 + key.count }
        return nil
    }
}
