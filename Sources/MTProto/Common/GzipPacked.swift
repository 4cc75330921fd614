import TL

/// Packing and unpacking of `gzip_packed#3072cfa1 packed_data:bytes = Object`
/// (https://core.telegram.org/mtproto/serialize#gzip-packed).
enum GzipPacked {
    /// `body` as `gzip_packed`, or nil when compression does not make it smaller.
    static func pack(_ body: [UInt8]) -> [UInt8]? {
        guard let compressed = Gzip.compress(body) else { return nil }
        let packed = MT.GzipPacked(packedData: compressed).serialized()
        return packed.count < body.count ? packed : nil
    }

    /// The inflated object inside a `gzip_packed` body, at most `limit` bytes.
    static func unpack(_ body: [UInt8], limit: Int) throws(MTProtoError) -> [UInt8] {
        try Gzip.decompress(decodeBody(MT.GzipPacked.self, body).packedData, limit: limit)
    }
}
