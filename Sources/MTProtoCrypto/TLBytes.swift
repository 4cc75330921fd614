/// The TL `bytes`/`string` encoding, needed here only to compute RSA key fingerprints.
///
/// A length below 254 is one byte followed by the data; otherwise 0xFE and a 3-byte little-endian
/// length precede it. The whole is zero-padded to a multiple of 4 bytes
/// (https://core.telegram.org/mtproto/serialize#base-types).
enum TLBytes {
    /// Serializes `data` (shorter than 2^24 bytes) as TL `bytes`.
    static func serialize(_ data: [UInt8]) -> [UInt8] {
        precondition(data.count < 1 << 24, "TL bytes are limited to 2^24 - 1 bytes")
        var output: [UInt8]
        if data.count < 254 {
            output = [UInt8(data.count)]
        } else {
            output = [0xFE, UInt8(data.count & 0xFF), UInt8((data.count >> 8) & 0xFF), UInt8(data.count >> 16)]
        }
        output += data
        output += [UInt8](repeating: 0, count: (4 - output.count % 4) % 4)
        return output
    }
}
