import COpenSSL

/// AES-256-CTR keystream (128-bit big-endian counter, as OpenSSL's `EVP_aes_256_ctr`), used by the
/// obfuscated transport. The position in the keystream carries over between `apply` calls, so a
/// stream may be processed in chunks of any size.
///
/// Copies are independent: the OpenSSL context is copied on the first `apply` after the value was
/// copied (copy-on-write), so two copies never advance one keystream.
public struct AESCTR: Sendable {
    private var context: CipherContext

    /// Starts a keystream from a 32-byte key and a 16-byte initial counter block.
    public init(key: [UInt8], iv: [UInt8]) throws(CryptoError) {
        guard key.count == 32 else { throw .invalidKeyLength(key.count) }
        guard iv.count == 16 else { throw .invalidIVLength(iv.count) }
        context = try CipherContext(cipher: EVP_aes_256_ctr(), key: key, iv: iv)
    }

    /// XORs `data` in place with the next `data.count` keystream bytes (encrypts and decrypts alike).
    public mutating func apply(_ data: inout [UInt8]) {
        data.withUnsafeMutableBytes { apply($0) }
    }

    /// XORs the bytes of `buffer` in place with the next `buffer.count` keystream bytes.
    public mutating func apply(_ buffer: UnsafeMutableRawBufferPointer) {
        if !isKnownUniquelyReferenced(&context) {
            context = context.copy()
        }
        context.update(buffer)
    }
}

/// Owns one `EVP_CIPHER_CTX` for a stream cipher; freed with the box.
///
/// `@unchecked Sendable`: the context is mutated only through `AESCTR.apply`, which first makes sure
/// the box is uniquely referenced (copying it otherwise), so no two owners ever touch it concurrently.
final class CipherContext: @unchecked Sendable {
    private let context: OpaquePointer

    init(cipher: OpaquePointer?, key: [UInt8], iv: [UInt8]) throws(CryptoError) {
        guard let context = EVP_CIPHER_CTX_new() else { throw .openSSLFailure("EVP_CIPHER_CTX_new") }
        guard EVP_EncryptInit_ex(context, cipher, nil, key, iv) == 1 else {
            EVP_CIPHER_CTX_free(context)
            throw .openSSLFailure("EVP_EncryptInit_ex")
        }
        self.context = context
    }

    private init(context: OpaquePointer) {
        self.context = context
    }

    deinit {
        EVP_CIPHER_CTX_free(context)
    }

    /// A new box holding a copy of this context, at the same keystream position.
    func copy() -> CipherContext {
        // Allocation or copy failure here means memory exhaustion; there is no way to continue.
        guard let duplicate = EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_copy(duplicate, context) == 1 else {
            fatalError("AESCTR: cannot copy the OpenSSL cipher context (out of memory)")
        }
        return CipherContext(context: duplicate)
    }

    /// Runs the stream cipher in place over `buffer`.
    func update(_ buffer: UnsafeMutableRawBufferPointer) {
        guard let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        var offset = 0
        while offset < buffer.count {
            let chunk = Int32(min(buffer.count - offset, Int(Int32.max) - 16))
            var written: Int32 = 0
            // CTR mode writes exactly as many bytes as it reads and allows in == out.
            let ok = EVP_EncryptUpdate(context, base + offset, &written, base + offset, chunk)
            precondition(ok == 1 && written == chunk, "AESCTR: EVP_EncryptUpdate failed")
            offset += Int(chunk)
        }
    }
}
