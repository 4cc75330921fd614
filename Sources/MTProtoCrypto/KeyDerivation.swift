/// MTProto key derivation: message keys and AES key/IV pairs for MTProto 2.0 and 1.0, and the
/// temporary key of the key exchange.
///
/// MTProto 2.0 (https://core.telegram.org/mtproto/description), with x = 0 for messages the client
/// sends and x = 8 for messages the server sends:
///
///     msg_key  = SHA256(auth_key[88+x ..< 120+x] || plaintext_with_padding)[8 ..< 24]
///     a        = SHA256(msg_key || auth_key[x ..< 36+x])
///     b        = SHA256(auth_key[40+x ..< 76+x] || msg_key)
///     aes_key  = a[0..<8] || b[8..<24] || a[24..<32]
///     aes_iv   = b[0..<8] || a[8..<24] || b[24..<32]
public enum KeyDerivation {
    /// The MTProto 2.0 `msg_key` (16 bytes) of a padded plaintext sent by `side`.
    public static func msgKey(authKey: AuthKey, plaintext: [UInt8], side: Side) -> [UInt8] {
        plaintext.withUnsafeBytes { msgKey(authKey: authKey, plaintext: $0, side: side) }
    }

    /// The MTProto 2.0 `msg_key` of a padded plaintext in place (one SHA-256 pass over it, no copy).
    public static func msgKey(authKey: AuthKey, plaintext: UnsafeRawBufferPointer, side: Side) -> [UInt8] {
        let digest = SHA256Stream()
        digest.update(msgKeyPrefix(authKey: authKey, side: side))
        digest.update(plaintext)
        return Array(digest.finish()[8..<24])
    }

    /// The 32 auth-key bytes hashed before the plaintext for `msg_key`: `auth_key[88+x ..< 120+x]`.
    public static func msgKeyPrefix(authKey: AuthKey, side: Side) -> [UInt8] {
        Array(authKey.bytes[(88 + side.x)..<(120 + side.x)])
    }

    /// The MTProto 2.0 AES key and IV for a message with `msgKey` sent by `side`.
    /// Throws `invalidLength` unless `msgKey` has 16 bytes.
    public static func aesKeyIV(authKey: AuthKey, msgKey: [UInt8], side: Side) throws(CryptoError) -> AESKeyIV {
        guard msgKey.count == 16 else { throw .invalidLength(msgKey.count) }
        let x = side.x
        let a = Hash.sha256(msgKey, Array(authKey.bytes[x..<(36 + x)]))
        let b = Hash.sha256(Array(authKey.bytes[(40 + x)..<(76 + x)]), msgKey)
        return AESKeyIV(
            key: Array(a[0..<8] + b[8..<24] + a[24..<32]),
            iv: Array(b[0..<8] + a[8..<24] + b[24..<32]))
    }

    /// The MTProto 1.0 `msg_key`: SHA1(plaintext)[4 ..< 20], over the plaintext without padding.
    /// Still required for the inner message of `auth.bindTempAuthKey`.
    public static func msgKeyV1(plaintext: [UInt8]) -> [UInt8] {
        Array(Hash.sha1(plaintext)[4..<20])
    }

    /// The MTProto 1.0 (SHA-1) AES key and IV for `msgKey` sent by `side`, as used by
    /// `auth.bindTempAuthKey`. Throws `invalidLength` unless `msgKey` has 16 bytes.
    ///
    ///     a = SHA1(msg_key || auth_key[x ..< 32+x])
    ///     b = SHA1(auth_key[32+x ..< 48+x] || msg_key || auth_key[48+x ..< 64+x])
    ///     c = SHA1(auth_key[64+x ..< 96+x] || msg_key)
    ///     d = SHA1(msg_key || auth_key[96+x ..< 128+x])
    ///     aes_key = a[0..<8] || b[8..<20] || c[4..<16]
    ///     aes_iv  = a[8..<20] || b[0..<8] || c[16..<20] || d[0..<8]
    public static func aesKeyIVV1(authKey: AuthKey, msgKey: [UInt8], side: Side) throws(CryptoError) -> AESKeyIV {
        guard msgKey.count == 16 else { throw .invalidLength(msgKey.count) }
        let x = side.x
        let key = authKey.bytes
        let a = Hash.sha1(msgKey, Array(key[x..<(32 + x)]))
        let b = Hash.sha1(Array(key[(32 + x)..<(48 + x)]), msgKey, Array(key[(48 + x)..<(64 + x)]))
        let c = Hash.sha1(Array(key[(64 + x)..<(96 + x)]), msgKey)
        let d = Hash.sha1(msgKey, Array(key[(96 + x)..<(128 + x)]))
        return AESKeyIV(
            key: Array(a[0..<8] + b[8..<20] + c[4..<16]),
            iv: Array(a[8..<20] + b[0..<8] + c[16..<20] + d[0..<8]))
    }

    /// The temporary AES key and IV that encrypt `server_DH_inner_data` and `client_DH_inner_data`
    /// during key exchange (https://core.telegram.org/mtproto/auth_key):
    ///
    ///     tmp_aes_key = SHA1(new_nonce || server_nonce) || SHA1(server_nonce || new_nonce)[0..<12]
    ///     tmp_aes_iv  = SHA1(server_nonce || new_nonce)[12..<20] || SHA1(new_nonce || new_nonce)
    ///                   || new_nonce[0..<4]
    ///
    /// Nonces are fixed-length byte strings (16 and 32 bytes; leading zero bytes are significant).
    public static func tmpAESKeyIV(serverNonce: [UInt8], newNonce: [UInt8]) throws(CryptoError) -> AESKeyIV {
        guard serverNonce.count == 16 else { throw .invalidLength(serverNonce.count) }
        guard newNonce.count == 32 else { throw .invalidLength(newNonce.count) }
        let newServer = Hash.sha1(newNonce, serverNonce)
        let serverNew = Hash.sha1(serverNonce, newNonce)
        let newNew = Hash.sha1(newNonce, newNonce)
        return AESKeyIV(
            key: newServer + serverNew[0..<12],
            iv: Array(serverNew[12..<20]) + newNew + newNonce[0..<4])
    }

    /// The first server salt after key exchange: `new_nonce[0..<8] XOR server_nonce[0..<8]`,
    /// read as a little-endian TL `long`.
    public static func firstServerSalt(newNonce: [UInt8], serverNonce: [UInt8]) throws(CryptoError) -> Int64 {
        guard serverNonce.count == 16 else { throw .invalidLength(serverNonce.count) }
        guard newNonce.count == 32 else { throw .invalidLength(newNonce.count) }
        return Int64(littleEndianBytes: (0..<8).map { newNonce[$0] ^ serverNonce[$0] })
    }
}
