import CZlib

/// gzip compression for `gzip_packed` (https://core.telegram.org/mtproto/serialize#gzip-packed):
/// Telegram sends gzip streams; inflating also accepts zlib streams.
enum Gzip {
    /// Compresses `data` into a gzip stream, or returns nil if zlib cannot allocate its state.
    static func compress(_ data: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        // windowBits 15 + 16 selects the gzip wrapper.
        guard deflateInit2_(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
                            zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { return nil }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(data.count))))
        let status = data.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(out.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        output.removeSubrange(Int(stream.total_out)...)
        return output
    }

    /// Inflates a gzip or zlib stream, stopping with `decompressedTooLarge` once the output would
    /// exceed `limit` bytes and with `invalidCompressedData` for corrupt or truncated input.
    static func decompress(_ data: [UInt8], limit: Int) throws(MTProtoError) -> [UInt8] {
        var stream = z_stream()
        // windowBits 15 + 32 detects the gzip or zlib wrapper.
        guard inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .invalidCompressedData
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var status = Z_OK
        var exceeded = false
        data.withUnsafeBufferPointer { input in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = uInt(input.count)
            // inflate returns Z_OK while it makes progress, Z_STREAM_END at the end, and Z_BUF_ERROR
            // when the input runs out first (a truncated stream).
            while status == Z_OK {
                let produced = chunk.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(out.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    return out.count - Int(stream.avail_out)
                }
                guard output.count + produced <= limit else {
                    exceeded = true
                    return
                }
                output.append(contentsOf: chunk[0..<produced])
            }
        }
        if exceeded { throw .decompressedTooLarge(limit: limit) }
        guard status == Z_STREAM_END else { throw .invalidCompressedData }
        return output
    }
}
