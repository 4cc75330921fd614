import TL

/// The `invalidUTF8Every` fault: the text of every message whose id is a multiple of K starts with four
/// bytes that are not UTF-8. TL strings are bytes on the wire, and a client that archives must keep them as
/// sent; a Swift `String` cannot hold them, so the text carries a marker that the answer's bytes replace.
enum InvalidUTF8Texts {
    /// U+10FFFF, whose UTF-8 form (`F4 8F BF BF`) no generated text contains.
    static let marker = "\u{10FFFF}"
    private static let markerBytes: [UInt8] = Array(marker.utf8)
    /// What the marker's bytes become on the wire: `FF FE C0 80`, invalid in UTF-8.
    static let invalidBytes: [UInt8] = [0xFF, 0xFE, 0xC0, 0x80]

    /// `message` with the marker in front of its text if its id is a multiple of `every`.
    static func mark(_ message: Api.Message, every: Int) -> Api.Message {
        guard every > 0, case .message(var regular) = message, Int(regular.id) % every == 0 else { return message }
        regular.message = marker + regular.message
        return .message(regular)
    }

    /// `bytes` with every marker replaced by the invalid bytes (the same length, so TL lengths stay right).
    static func replacingMarkers(in bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        var index = 0
        while index + markerBytes.count <= result.count {
            if result[index..<(index + markerBytes.count)].elementsEqual(markerBytes) {
                result.replaceSubrange(index..<(index + markerBytes.count), with: invalidBytes)
                index += markerBytes.count
            } else {
                index += 1
            }
        }
        return result
    }
}

/// An answer whose marked texts go out with invalid UTF-8 (see `InvalidUTF8Texts`).
struct InvalidUTF8Answer: TLSerializable {
    /// The answer as built, texts marked.
    let answer: any TLSerializable

    func serialize(into writer: inout TLWriter) {
        writer.writeRaw(InvalidUTF8Texts.replacingMarkers(in: answer.serialized()))
    }
}
