import COpenSSL

/// PBKDF2 key stretching (RFC 8018), used by the 2FA password hash.
public enum PBKDF2 {
    /// PBKDF2 with HMAC-SHA512, returning `keyLength` bytes (64 by default, one SHA-512 block).
    public static func hmacSHA512(
        password: [UInt8], salt: [UInt8], iterations: Int, keyLength: Int = 64
    ) throws(CryptoError) -> [UInt8] {
        guard iterations > 0, iterations <= Int(Int32.max) else { throw .invalidLength(iterations) }
        guard keyLength > 0, keyLength <= Int(Int32.max) else { throw .invalidLength(keyLength) }
        var output = [UInt8](repeating: 0, count: keyLength)
        let status = password.withUnsafeBufferPointer { passwordBytes in
            passwordBytes.withMemoryRebound(to: CChar.self) { passwordChars in
                PKCS5_PBKDF2_HMAC(
                    passwordChars.baseAddress, Int32(passwordChars.count),
                    salt, Int32(salt.count),
                    Int32(iterations), EVP_sha512(),
                    Int32(keyLength), &output)
            }
        }
        guard status == 1 else { throw .openSSLFailure("PKCS5_PBKDF2_HMAC") }
        return output
    }
}
