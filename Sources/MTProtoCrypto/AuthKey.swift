/// A 2048-bit MTProto authorization key with the values derived from it.
///
/// Derived values follow https://core.telegram.org/mtproto/description and /mtproto/auth_key:
/// `auth_key_id` is the lower 64 bits of SHA1(auth_key), i.e. bytes 12..<20, and `aux_hash` is
/// bytes 0..<8 of the same digest.
public struct AuthKey: Sendable, Hashable {
    /// The 256 key bytes.
    public let bytes: [UInt8]
    /// `auth_key_id` as the 8 bytes sent on the wire.
    public let idBytes: [UInt8]
    /// `auth_key_id` as a TL `long` (the wire bytes read little-endian).
    public let id: Int64
    /// `aux_hash`: the first 8 bytes of SHA1(auth_key), used in `new_nonce_hash`.
    public let auxHash: [UInt8]

    /// Wraps 256 key bytes; throws `invalidKeyLength` for any other length.
    public init(_ bytes: [UInt8]) throws(CryptoError) {
        guard bytes.count == 256 else { throw .invalidKeyLength(bytes.count) }
        self.bytes = bytes
        let digest = Hash.sha1(bytes)
        idBytes = Array(digest[12..<20])
        id = Int64(littleEndianBytes: idBytes)
        auxHash = Array(digest[0..<8])
    }

    /// `new_nonce_hash1/2/3` for dh_gen_ok (1), dh_gen_retry (2) and dh_gen_fail (3):
    /// the lower 128 bits of SHA1(new_nonce || number || aux_hash).
    public func newNonceHash(newNonce: [UInt8], number: UInt8) -> [UInt8] {
        Array(Hash.sha1(newNonce, [number], auxHash)[4..<20])
    }
}

extension Int64 {
    /// Reads exactly 8 bytes as a little-endian integer.
    init(littleEndianBytes bytes: [UInt8]) {
        precondition(bytes.count == 8, "Int64(littleEndianBytes:) needs 8 bytes")
        var value: UInt64 = 0
        for (index, byte) in bytes.enumerated() {
            value |= UInt64(byte) << (8 * UInt64(index))
        }
        self = Int64(bitPattern: value)
    }
}
