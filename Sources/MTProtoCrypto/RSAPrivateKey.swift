import COpenSSL

/// An RSA private key, for the sandbox server's side of the key exchange (decrypting RSA_PAD).
public struct RSAPrivateKey: Sendable {
    /// The matching public key, to publish (and fingerprint) for clients.
    public let publicKey: RSAPublicKey

    private let key: EVPKey
    private let privateExponent: BigNum

    private init(key: EVPKey) throws(CryptoError) {
        self.key = key
        publicKey = try RSAPublicKey(modulus: key.parameter("n"), exponent: key.parameter("e"))
        privateExponent = try key.parameter("d")
    }

    /// Generates a new key with public exponent 65537 (2048 bits unless told otherwise).
    public static func generate(bits: Int = 2048) throws(CryptoError) -> RSAPrivateKey {
        guard bits >= 1024, bits <= 16384 else { throw .invalidKeyLength(bits) }
        guard let context = EVP_PKEY_CTX_new_from_name(nil, "RSA", nil) else {
            throw .openSSLFailure("EVP_PKEY_CTX_new_from_name")
        }
        defer { EVP_PKEY_CTX_free(context) }
        guard EVP_PKEY_keygen_init(context) == 1 else { throw .openSSLFailure("EVP_PKEY_keygen_init") }
        guard EVP_PKEY_CTX_set_rsa_keygen_bits(context, Int32(bits)) > 0 else {
            throw .openSSLFailure("EVP_PKEY_CTX_set_rsa_keygen_bits")
        }
        var generated: OpaquePointer?
        guard EVP_PKEY_generate(context, &generated) == 1, let generated else {
            throw .openSSLFailure("EVP_PKEY_generate")
        }
        return try RSAPrivateKey(key: EVPKey(generated))
    }

    /// Parses a PKCS#1 ("BEGIN RSA PRIVATE KEY") or PKCS#8 ("BEGIN PRIVATE KEY") PEM private key.
    public init(pem: String) throws(CryptoError) {
        try self.init(key: PEM.decodeRSA(pem, selection: .keyPair))
    }

    /// The private key as PKCS#1 PEM ("BEGIN RSA PRIVATE KEY"). The text is secret.
    public func pem() throws(CryptoError) -> String {
        try PEM.encodePKCS1(key, selection: .keyPair)
    }

    /// The public key as PKCS#1 PEM ("BEGIN RSA PUBLIC KEY"), the form Telegram publishes.
    public func publicKeyPEM() throws(CryptoError) -> String {
        try PEM.encodePKCS1(key, selection: .publicKey)
    }

    /// The textbook RSA operation `block^d mod n`, with input and output exactly the modulus size.
    /// Throws `invalidLength` for another input size and `invalidNumber` when the block is not below n.
    public func rawDecrypt(_ block: [UInt8]) throws(CryptoError) -> [UInt8] {
        let size = publicKey.modulusByteCount
        guard block.count == size else { throw .invalidLength(block.count) }
        let value = BigNum(block)
        guard value < publicKey.modulus else { throw .invalidNumber }
        return try value.modExp(privateExponent, publicKey.modulus).bytes(paddedTo: size)
    }
}
