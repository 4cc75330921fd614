/// The 4-byte little-endian length that starts every intermediate and padded intermediate frame.
enum LengthPrefix {
    /// The largest length the field can hold: its most significant bit is reserved for quick ACK.
    static let maxLength = 0x7fff_ffff

    /// The length at the front of `inbound` (not consumed), or `nil` if fewer than 4 bytes arrived.
    /// Rejects lengths above `maxFrameLength`, and quick-ACK tokens (most significant bit set).
    static func read(from inbound: ByteQueue, maxFrameLength: Int) throws(TransportError) -> Int? {
        guard inbound.count >= 4 else { return nil }
        let raw = inbound.uint32LE(at: 0)
        guard raw & 0x8000_0000 == 0 else { throw .quickAckNotSupported }
        guard Int(raw) <= maxFrameLength else { throw .frameTooLarge(Int(raw)) }
        return Int(raw)
    }
}
