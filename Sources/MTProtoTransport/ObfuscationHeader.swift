import MTProtoCrypto

/// The 64-byte header that opens an obfuscated connection: random bytes that seed both AES-256-CTR
/// keystreams, with the inner framing's tag (and optionally a DC id) encrypted at offsets 56..<64.
/// Source: https://core.telegram.org/mtproto/mtproto-transports#transport-obfuscation
enum ObfuscationHeader {
    /// Bytes in the header.
    static let length = 64
    /// Where the 4-byte protocol tag sits.
    static let tagRange = 56..<60
    /// Where the optional little-endian int16 DC id sits (used by MTProxy).
    static let dcIDRange = 60..<62
    /// The bytes that travel encrypted: tag, DC id and 2 random bytes. The rest travel in the clear.
    static let encryptedRange = 56..<64

    /// First 4 bytes a header must not start with, because the server would read them as another
    /// protocol: the intermediate and padded intermediate tags, HTTP methods, and a TLS handshake.
    private static let reservedPrefixes: [[UInt8]] = [
        [0xee, 0xee, 0xee, 0xee],
        [0xdd, 0xdd, 0xdd, 0xdd],
        Array("HEAD".utf8), Array("POST".utf8), Array("GET ".utf8), Array("OPTI".utf8),
        [0x16, 0x03, 0x01, 0x02],
    ]

    /// Whether `prefix` (the first 4 bytes of a stream) starts an HTTP request or a TLS handshake or
    /// carries a plain-framing tag, so cannot start an obfuscation header.
    static func isReserved(prefix: ArraySlice<UInt8>) -> Bool {
        reservedPrefixes.contains { $0[...] == prefix }
    }

    /// A client's header in the clear, before bytes 56..<64 are replaced by their encryption:
    /// random bytes drawn (64 at a time) until they cannot be mistaken for another protocol, then
    /// `tag` and, if given, `dcID`.
    static func make(tag: [UInt8], dcID: Int16?, random: inout some RandomSource) -> [UInt8] {
        var header = random.bytes(length)
        while isMistakable(header) {
            header = random.bytes(length)
        }
        header.replaceSubrange(tagRange, with: tag)
        if let dcID {
            let value = UInt16(bitPattern: dcID)
            header.replaceSubrange(dcIDRange, with: [UInt8(truncatingIfNeeded: value), UInt8(value >> 8)])
        }
        return header
    }

    /// The keystreams for the `role` end: the client sends with the key and IV at 8..<40 and
    /// 40..<56 and receives with those of the reversed bytes 8..<56; the server the other way round.
    /// With an MTProxy `secret`, each key is SHA-256(key bytes + secret) (Source: the same page, and tdlib
    /// td/mtproto/TcpTransport.cpp, which hashes the proxy secret into both keys).
    static func ciphers(
        for header: [UInt8], role: TransportRole, secret: [UInt8]? = nil
    ) throws(TransportError) -> (send: AESCTR, receive: AESCTR) {
        let reversed = Array(header[8..<56].reversed())
        let forward = try cipher(key: keyed(header[8..<40], secret), iv: header[40..<56])
        let backward = try cipher(key: keyed(reversed[0..<32], secret), iv: reversed[32..<48])
        return role == .client ? (forward, backward) : (backward, forward)
    }

    /// Whether the server could read `header` as abridged (0xef first), full (seq_no 0 at 4..<8),
    /// or a reserved prefix.
    private static func isMistakable(_ header: [UInt8]) -> Bool {
        header[0] == 0xef || header[4..<8].allSatisfy { $0 == 0 } || isReserved(prefix: header[0..<4])
    }

    /// `key`, hashed with the MTProxy secret when there is one.
    private static func keyed(_ key: ArraySlice<UInt8>, _ secret: [UInt8]?) -> ArraySlice<UInt8> {
        guard let secret else { return key }
        return Hash.sha256(Array(key), secret)[...]
    }

    private static func cipher(key: ArraySlice<UInt8>, iv: ArraySlice<UInt8>) throws(TransportError) -> AESCTR {
        do {
            return try AESCTR(key: Array(key), iv: Array(iv))
        } catch {
            throw .cipherSetupFailed(error.description)
        }
    }
}
