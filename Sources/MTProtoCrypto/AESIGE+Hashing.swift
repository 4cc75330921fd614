import COpenSSL

extension AESIGE {
    /// Decrypts `buffer` in place with AES-256-IGE and returns SHA-256(`prefix` || plaintext), as MTProto
    /// 2.0's msg_key check needs on every received message.
    ///
    /// Where the CPU has AES-NI and SHA-NI both run in one pass (each 64-byte SHA-256 block is hashed
    /// while the next IGE blocks decrypt; see `aes_ige_sha256.h`); elsewhere the buffer is decrypted and
    /// then hashed. Throws `invalidKeyLength` unless the key has 32 bytes, `invalidIVLength` unless the IV
    /// has 32, `invalidLength` unless `prefix` has 32 bytes and the buffer a multiple of 16.
    public static func decrypt(_ buffer: UnsafeMutableRawBufferPointer, key: [UInt8], iv: [UInt8],
                               hashingAfter prefix: [UInt8]) throws(CryptoError) -> [UInt8] {
        guard key.count == 32 else { throw .invalidKeyLength(key.count) }
        guard iv.count == 32 else { throw .invalidIVLength(iv.count) }
        guard prefix.count == 32 else { throw .invalidLength(prefix.count) }
        guard buffer.count % 16 == 0 else { throw .invalidLength(buffer.count) }
        var digest = [UInt8](repeating: 0, count: 32)
        if let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self),
           tgcron_aes256_ige_decrypt_sha256(key, iv, prefix, base, buffer.count, &digest) == 0 {
            return digest
        }
        try decrypt(buffer, key: key, iv: iv)
        let stream = SHA256Stream()
        stream.update(prefix)
        stream.update(UnsafeRawBufferPointer(buffer))
        return stream.finish()
    }
}
