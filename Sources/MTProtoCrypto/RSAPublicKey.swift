/// An RSA public key as MTProto uses it: for RSA_PAD during key exchange, identified by its fingerprint.
public struct RSAPublicKey: Sendable, Equatable {
    /// The modulus, big-endian without leading zeros.
    public let n: [UInt8]
    /// The public exponent, big-endian without leading zeros.
    public let e: [UInt8]
    /// The key fingerprint sent in `resPQ`: the lower 64 bits of SHA1(TL bytes(n) || TL bytes(e)),
    /// i.e. digest bytes 12..<20 read as a little-endian TL `long`.
    public let fingerprint: Int64

    let modulus: BigNum
    let exponent: BigNum

    /// A key from its modulus and exponent (big-endian; leading zeros are ignored).
    /// Throws `invalidNumber` when either is zero.
    public init(n: [UInt8], e: [UInt8]) throws(CryptoError) {
        try self.init(modulus: BigNum(n), exponent: BigNum(e))
    }

    /// Parses a PEM public key, either PKCS#1 ("BEGIN RSA PUBLIC KEY") or SubjectPublicKeyInfo
    /// ("BEGIN PUBLIC KEY"). Throws `invalidPEM` for anything else.
    public init(pem: String) throws(CryptoError) {
        let key = try PEM.decodeRSA(pem, selection: .publicKey)
        try self.init(modulus: key.parameter("n"), exponent: key.parameter("e"))
    }

    init(modulus: BigNum, exponent: BigNum) throws(CryptoError) {
        guard !modulus.isZero, !exponent.isZero else { throw .invalidNumber }
        self.modulus = modulus
        self.exponent = exponent
        n = modulus.bytes
        e = exponent.bytes
        fingerprint = Int64(littleEndianBytes: Array(Hash.sha1(TLBytes.serialize(n), TLBytes.serialize(e))[12..<20]))
    }

    /// Size of the modulus in bytes (256 for the 2048-bit keys Telegram uses).
    public var modulusByteCount: Int { n.count }

    /// The textbook RSA operation `block^e mod n`, with input and output exactly `modulusByteCount`
    /// bytes (big-endian). Throws `invalidLength` for another input size and `invalidNumber` when the
    /// block is not below the modulus.
    public func rawEncrypt(_ block: [UInt8]) throws(CryptoError) -> [UInt8] {
        guard block.count == modulusByteCount else { throw .invalidLength(block.count) }
        let value = BigNum(block)
        guard value < modulus else { throw .invalidNumber }
        return try value.modExp(exponent, modulus).bytes(paddedTo: modulusByteCount)
    }

    /// Numeric equality of modulus and exponent.
    public static func == (lhs: RSAPublicKey, rhs: RSAPublicKey) -> Bool {
        lhs.n == rhs.n && lhs.e == rhs.e
    }
}
