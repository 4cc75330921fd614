import MTProtoCrypto

/// HMAC-SHA256 (RFC 2104) over `MTProtoCrypto.Hash.sha256`: the MAC of encrypted auth keys.
enum HMACSHA256 {
    private static let blockSize = 64

    /// The 32-byte MAC of `message` under `key`.
    static func mac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var block = key.count > blockSize ? Hash.sha256(key) : key
        block += [UInt8](repeating: 0, count: blockSize - block.count)
        let inner = Hash.sha256(block.map { $0 ^ 0x36 }, message)
        return Hash.sha256(block.map { $0 ^ 0x5c }, inner)
    }
}
