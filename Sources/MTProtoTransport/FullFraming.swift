/// The full framing: each payload travels as total length (4 bytes LE, counting all 12 bytes of
/// envelope), sequence number (4 bytes LE, from 0 per direction), payload, and the CRC32 of all
/// that (4 bytes LE). It has no protocol tag.
/// Source: https://core.telegram.org/mtproto/mtproto-transports#full
public struct FullFraming: BufferedFraming, Sendable {
    /// Bytes of envelope around each payload: length, sequence number and CRC32.
    static let overhead = 12

    private let role: TransportRole
    private let maxFrameLength: Int
    private var sendSequence: Int32 = 0
    private var receiveSequence: Int32 = 0
    var inbound = ByteQueue()
    var failure: TransportError?

    /// A framing for the `role` end of a connection that accepts payloads up to `maxFrameLength` bytes.
    public init(role: TransportRole, maxFrameLength: Int = TransportLimits.defaultMaxFrameLength) {
        self.role = role
        self.maxFrameLength = maxFrameLength
    }

    /// Appends the envelope around `payload` (any length) and advances the send sequence number.
    public mutating func encode(_ payload: [UInt8], into out: inout [UInt8]) throws(TransportError) {
        guard payload.count <= min(maxFrameLength, Int(Int32.max) - Self.overhead) else {
            throw .frameTooLarge(payload.count)
        }
        let start = out.count
        out.appendLittleEndian(UInt32(payload.count + Self.overhead))
        out.appendLittleEndian(UInt32(bitPattern: sendSequence))
        out.append(contentsOf: payload)
        out.appendLittleEndian(CRC32.checksum(out[start...]))
        sendSequence &+= 1
    }

    /// The next payload in `inbound`. Checks the sequence number, then the CRC32 (the order grammers
    /// uses, which its test vectors rely on).
    mutating func decode() throws(TransportError) -> [UInt8]? {
        guard inbound.count >= 4 else { return nil }
        let length = Int32(bitPattern: inbound.uint32LE(at: 0))
        // A server may report a transport error as a bare negative int32 in place of the envelope.
        if role == .client, length < 0 { throw .serverError(code: length) }
        guard length >= Self.overhead else { throw .invalidLength(Int(length)) }
        let total = Int(length)
        guard total - Self.overhead <= maxFrameLength else { throw .frameTooLarge(total - Self.overhead) }
        guard inbound.count >= total else { return nil }

        let sequence = Int32(bitPattern: inbound.uint32LE(at: 4))
        guard sequence == receiveSequence else { throw .badSequence(expected: receiveSequence, got: sequence) }
        let computed = CRC32.checksum(inbound.peek(total - 4))
        let sent = inbound.uint32LE(at: total - 4)
        guard computed == sent else { throw .crcMismatch(expected: computed, got: sent) }

        inbound.skip(8)
        let payload = inbound.take(total - Self.overhead)
        inbound.skip(4)
        receiveSequence &+= 1
        if role == .client, payload.count == 4, let code = TransportError.serverErrorCode(in: payload[...]) {
            throw .serverError(code: code)
        }
        return payload
    }
}
