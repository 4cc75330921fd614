import COpenSSL

/// PEM import and export of RSA keys through OpenSSL's OSSL_DECODER / OSSL_ENCODER.
enum PEM {
    /// OpenSSL keeps the type and structure names given to OSSL_DECODER_CTX/OSSL_ENCODER_CTX without
    /// copying them, so they must outlive the context: static strings do, Swift's temporary C strings do not.
    private static var pemType: UnsafePointer<CChar> { cString("PEM") }
    private static var rsaType: UnsafePointer<CChar> { cString("RSA") }
    private static var typeSpecific: UnsafePointer<CChar> { cString("type-specific") }

    /// A pointer into the binary's constant data, valid for the life of the process.
    private static func cString(_ text: StaticString) -> UnsafePointer<CChar> {
        UnsafeRawPointer(text.utf8Start).assumingMemoryBound(to: CChar.self)
    }

    /// Which parts of a key to read or write.
    enum Selection {
        /// The public key only.
        case publicKey
        /// The private and the public key.
        case keyPair

        var openSSLValue: Int32 {
            switch self {
            case .publicKey: Int32(OSSL_KEYMGMT_SELECT_PUBLIC_KEY)
            case .keyPair: Int32(OSSL_KEYMGMT_SELECT_PUBLIC_KEY | OSSL_KEYMGMT_SELECT_PRIVATE_KEY)
            }
        }
    }

    /// Decodes an RSA key from PEM text (PKCS#1 or SubjectPublicKeyInfo / PKCS#8, per `selection`).
    static func decodeRSA(_ text: String, selection: Selection) throws(CryptoError) -> EVPKey {
        var key: OpaquePointer?
        guard let decoder = OSSL_DECODER_CTX_new_for_pkey(&key, pemType, nil, rsaType, selection.openSSLValue, nil, nil) else {
            throw .openSSLFailure("OSSL_DECODER_CTX_new_for_pkey")
        }
        defer { OSSL_DECODER_CTX_free(decoder) }
        let bytes = Array(text.utf8)
        let status = bytes.withUnsafeBufferPointer { buffer in
            var cursor = buffer.baseAddress
            var remaining = buffer.count
            return OSSL_DECODER_from_data(decoder, &cursor, &remaining)
        }
        ERR_clear_error()
        guard status == 1, let key else { throw .invalidPEM("not a PEM-encoded RSA key of the expected kind") }
        return EVPKey(key)
    }

    /// Encodes `key` as PEM in its type-specific (PKCS#1) structure: "RSA PUBLIC KEY" or "RSA PRIVATE KEY".
    static func encodePKCS1(_ key: EVPKey, selection: Selection) throws(CryptoError) -> String {
        guard let encoder = OSSL_ENCODER_CTX_new_for_pkey(key.pointer, selection.openSSLValue, pemType, typeSpecific, nil) else {
            throw .openSSLFailure("OSSL_ENCODER_CTX_new_for_pkey")
        }
        defer { OSSL_ENCODER_CTX_free(encoder) }
        var output: UnsafeMutablePointer<UInt8>?
        var length = 0
        guard OSSL_ENCODER_to_data(encoder, &output, &length) == 1, let output else {
            throw .openSSLFailure("OSSL_ENCODER_to_data")
        }
        defer { CRYPTO_clear_free(output, length, #fileID, #line) }
        return String(decoding: UnsafeBufferPointer(start: output, count: length), as: UTF8.self)
    }
}

/// Owns one `EVP_PKEY`, freed with the box.
///
/// `@unchecked Sendable`: the key is never modified after creation; OpenSSL allows concurrent
/// read-only use of an `EVP_PKEY` (encoding, parameter queries).
final class EVPKey: @unchecked Sendable {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        EVP_PKEY_free(pointer)
    }

    /// The RSA component `name` ("n", "e" or "d").
    func parameter(_ name: String) throws(CryptoError) -> BigNum {
        var value: OpaquePointer?
        guard EVP_PKEY_get_bn_param(pointer, name, &value) == 1, let value else {
            throw .openSSLFailure("EVP_PKEY_get_bn_param(\(name))")
        }
        return BigNum(owning: value)
    }
}
