/// The MTProto framings of a byte stream, as a client chooses one and a server detects it.
public enum TransportProtocol: Sendable, Hashable, CaseIterable {
    /// Length in 4-byte words in 1 or 4 bytes; tag 0xef.
    case abridged
    /// 4-byte little-endian length; tag 0xeeeeeeee.
    case intermediate
    /// Intermediate with 0–15 random bytes after each payload; tag 0xdddddddd.
    case paddedIntermediate
    /// Length, sequence number and CRC32 around each payload; no tag.
    case full

    /// The bytes a client sends before its first frame to choose this framing, if it has a tag.
    /// Source: https://core.telegram.org/mtproto/mtproto-transports
    public var tag: [UInt8]? {
        switch self {
        case .abridged: [0xef]
        case .intermediate: [0xee, 0xee, 0xee, 0xee]
        case .paddedIntermediate: [0xdd, 0xdd, 0xdd, 0xdd]
        case .full: nil
        }
    }

    /// The 4-byte form of the tag placed at offset 56 of the obfuscation header: a 1-byte tag is
    /// repeated to fill 4 bytes (0xef becomes 0xefefefef), per the transport obfuscation section.
    var obfuscationTag: [UInt8]? {
        tag.map { $0.count == 4 ? $0 : Array(repeating: $0[0], count: 4) }
    }

    /// The framing whose obfuscation tag is `bytes`, if any.
    init?(obfuscationTag bytes: ArraySlice<UInt8>) {
        guard let match = Self.allCases.first(where: { $0.obfuscationTag?[...] == bytes }) else { return nil }
        self = match
    }
}
