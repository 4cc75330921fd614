/// An AES-256-IGE key and its 32-byte IV, as produced by the MTProto key derivations.
public struct AESKeyIV: Sendable, Hashable {
    /// The 32-byte AES-256 key.
    public let key: [UInt8]
    /// The 32-byte IGE IV.
    public let iv: [UInt8]

    /// Pairs a key and an IV.
    public init(key: [UInt8], iv: [UInt8]) {
        self.key = key
        self.iv = iv
    }
}
