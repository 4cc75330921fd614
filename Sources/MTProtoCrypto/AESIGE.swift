import COpenSSL

/// AES in Infinite Garble Extension mode, as MTProto uses it for message and key-exchange encryption.
///
/// Keys are 32 bytes (AES-256, what MTProto uses) or 16 bytes (AES-128, for OpenSSL's reference vectors).
/// The 32-byte IV is `iv1 || iv2` in OpenSSL's convention: `iv1` is the initial "previous ciphertext block"
/// and `iv2` the initial "previous plaintext block", so encryption computes
/// `c[i] = E(m[i] ^ c[i-1]) ^ m[i-1]`. Data length must be a multiple of 16 bytes.
public enum AESIGE {
    /// Encrypts `plaintext` and returns the ciphertext.
    public static func encrypt(_ plaintext: [UInt8], key: [UInt8], iv: [UInt8]) throws(CryptoError) -> [UInt8] {
        var data = plaintext
        try validate(key: key, iv: iv, length: data.count)
        try check(data.withUnsafeMutableBytes { run($0, key: key, iv: iv, encrypting: true) })
        return data
    }

    /// Decrypts `ciphertext` and returns the plaintext.
    public static func decrypt(_ ciphertext: [UInt8], key: [UInt8], iv: [UInt8]) throws(CryptoError) -> [UInt8] {
        var data = ciphertext
        try validate(key: key, iv: iv, length: data.count)
        try check(data.withUnsafeMutableBytes { run($0, key: key, iv: iv, encrypting: false) })
        return data
    }

    /// Encrypts `buffer` in place.
    public static func encrypt(_ buffer: UnsafeMutableRawBufferPointer, key: [UInt8], iv: [UInt8]) throws(CryptoError) {
        try validate(key: key, iv: iv, length: buffer.count)
        try check(run(buffer, key: key, iv: iv, encrypting: true))
    }

    /// Decrypts `buffer` in place.
    public static func decrypt(_ buffer: UnsafeMutableRawBufferPointer, key: [UInt8], iv: [UInt8]) throws(CryptoError) {
        try validate(key: key, iv: iv, length: buffer.count)
        try check(run(buffer, key: key, iv: iv, encrypting: false))
    }

    private static func validate(key: [UInt8], iv: [UInt8], length: Int) throws(CryptoError) {
        guard key.count == 32 || key.count == 16 else { throw .invalidKeyLength(key.count) }
        guard iv.count == 32 else { throw .invalidIVLength(iv.count) }
        guard length % 16 == 0 else { throw .invalidLength(length) }
    }

    /// Runs IGE over `buffer` once `validate` has accepted the arguments.
    /// Returns OpenSSL's status: 0 on success.
    private static func run(_ buffer: UnsafeMutableRawBufferPointer, key: [UInt8], iv: [UInt8],
                            encrypting: Bool) -> Int32 {
        guard let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return 0 }
        var chain = iv
        return tgcron_aes_ige(key, Int32(key.count * 8), &chain, base, buffer.count, encrypting ? 1 : 0)
    }

    /// Key sizes were validated, so only a failed cipher allocation or setup gives a non-zero status.
    private static func check(_ status: Int32) throws(CryptoError) {
        if status != 0 { throw .openSSL("AES-IGE cipher setup failed") }
    }
}
