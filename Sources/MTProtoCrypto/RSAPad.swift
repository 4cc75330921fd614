import COpenSSL

/// RSA_PAD, the padding that encrypts `p_q_inner_data` for `req_DH_params`
/// (https://core.telegram.org/mtproto/auth_key, "Presenting proof of work; Server authentication"):
///
///     data_with_padding = data || random_padding                  (192 bytes)
///     data_with_hash    = reverse(data_with_padding) || SHA256(temp_key || data_with_padding)
///     aes_encrypted     = AES256_IGE(data_with_hash, temp_key, iv = 32 zero bytes)
///     key_aes_encrypted = (temp_key XOR SHA256(aes_encrypted)) || aes_encrypted   (256 bytes)
///     encrypted_data    = key_aes_encrypted^e mod n
///
/// with a fresh random `temp_key` whenever `key_aes_encrypted` is not below `n`.
public enum RSAPad {
    /// Largest `data` RSA_PAD accepts.
    public static let maximumDataLength = 144

    private static let paddedLength = 192
    private static let zeroIV = [UInt8](repeating: 0, count: 32)
    /// Each attempt succeeds with probability n / 2^2048 (above 1/2 for a 2048-bit n), so reaching this
    /// bound means the random source repeats itself.
    private static let maximumAttempts = 64

    /// Encrypts `data` (at most 144 bytes) for `key`, a 2048-bit key, returning 256 bytes.
    ///
    /// Draws from `random` in this order: the padding (`192 - data.count` bytes), then a 32-byte
    /// `temp_key`, then another 32-byte `temp_key` for each retry. Throws `invalidLength` for longer
    /// data and `invalidKeyLength` for a modulus that is not 256 bytes.
    public static func encrypt(data: [UInt8], key: RSAPublicKey, random: inout some RandomSource) throws(CryptoError) -> [UInt8] {
        guard data.count <= maximumDataLength else { throw .invalidLength(data.count) }
        guard key.modulusByteCount == 256 else { throw .invalidKeyLength(key.modulusByteCount) }
        let dataWithPadding = data + random.bytes(paddedLength - data.count)
        for _ in 0..<maximumAttempts {
            let tempKey = random.bytes(32)
            let dataWithHash = dataWithPadding.reversed() + Hash.sha256(tempKey, dataWithPadding)
            let aesEncrypted = try AESIGE.encrypt(dataWithHash, key: tempKey, iv: zeroIV)
            let tempKeyXor = zip(tempKey, Hash.sha256(aesEncrypted)).map { $0 ^ $1 }
            let keyAESEncrypted = tempKeyXor + aesEncrypted
            if BigNum(keyAESEncrypted) < key.modulus {
                return try key.rawEncrypt(keyAESEncrypted)
            }
        }
        throw .rsaPadInvalid("no temp_key gave a block below the modulus in \(maximumAttempts) attempts")
    }

    /// Server side: decrypts 256 bytes of `encrypted_data` and returns `data_with_padding` (192 bytes;
    /// the caller's TL parser finds where `data` ends). Throws `rsaPadInvalid` when the embedded
    /// SHA-256 does not match, and `invalidLength` / `invalidNumber` for a malformed block.
    public static func decrypt(_ encrypted: [UInt8], privateKey: RSAPrivateKey) throws(CryptoError) -> [UInt8] {
        guard privateKey.publicKey.modulusByteCount == 256 else {
            throw .invalidKeyLength(privateKey.publicKey.modulusByteCount)
        }
        let keyAESEncrypted = try privateKey.rawDecrypt(encrypted)
        let aesEncrypted = Array(keyAESEncrypted[32...])
        let tempKey = zip(keyAESEncrypted[0..<32], Hash.sha256(aesEncrypted)).map { $0 ^ $1 }
        let dataWithHash = try AESIGE.decrypt(aesEncrypted, key: tempKey, iv: zeroIV)
        let dataWithPadding = Array(dataWithHash[0..<paddedLength].reversed())
        let expectedHash = Hash.sha256(tempKey, dataWithPadding)
        let receivedHash = Array(dataWithHash[paddedLength...])
        guard CRYPTO_memcmp(expectedHash, receivedHash, 32) == 0 else {
            throw .rsaPadInvalid("SHA-256 of temp_key and data does not match")
        }
        return dataWithPadding
    }
}
