/// The abridged framing: each payload is preceded by its length in 4-byte words, in 1 byte when
/// below 127 words, else as 0x7f and 3 little-endian bytes. A client opens with the tag 0xef.
/// Source: https://core.telegram.org/mtproto/mtproto-transports#abridged
public struct AbridgedFraming: BufferedFraming, Sendable {
    private let role: TransportRole
    private let maxFrameLength: Int
    private var tag: ProtocolTag
    var inbound = ByteQueue()
    var failure: TransportError?

    /// A framing for the `role` end of a connection that accepts payloads up to `maxFrameLength` bytes.
    public init(role: TransportRole, maxFrameLength: Int = TransportLimits.defaultMaxFrameLength) {
        self.init(role: role, maxFrameLength: maxFrameLength, tagInStream: true)
    }

    /// As the public initializer; `tagInStream` is false when transport obfuscation carries the tag.
    init(role: TransportRole, maxFrameLength: Int, tagInStream: Bool) {
        self.role = role
        self.maxFrameLength = maxFrameLength
        tag = ProtocolTag(TransportProtocol.abridged.tag ?? [], role: role, inStream: tagInStream)
    }

    /// Appends the length header and `payload`, after the tag on a client's first call.
    /// The payload must be a multiple of 4 bytes, since the header counts words.
    public mutating func encode(_ payload: [UInt8], into out: inout [UInt8]) throws(TransportError) {
        guard payload.count % 4 == 0 else { throw .payloadNotAligned(payload.count) }
        let words = payload.count / 4
        guard payload.count <= maxFrameLength, words < 1 << 24 else { throw .frameTooLarge(payload.count) }
        tag.write(into: &out)
        if words < 0x7f {
            out.append(UInt8(words))
        } else {
            out.append(0x7f)
            out.append(UInt8(truncatingIfNeeded: words))
            out.append(UInt8(truncatingIfNeeded: words >> 8))
            out.append(UInt8(truncatingIfNeeded: words >> 16))
        }
        out.append(contentsOf: payload)
    }

    /// The next payload in `inbound`, or nil until it holds a whole one.
    mutating func decode() throws(TransportError) -> [UInt8]? {
        guard try tag.read(from: &inbound), inbound.count >= 1 else { return nil }
        let headerLength: Int
        let length: Int
        switch inbound.byte(at: 0) {
        case 0x7f:
            guard inbound.count >= 4 else { return nil }
            headerLength = 4
            length = Int(inbound.uint32LE(at: 0) >> 8) * 4
        case let words where words < 0x7f:
            headerLength = 1
            length = Int(words) * 4
        default:
            // The most significant bit marks a quick-ACK token (from a server) or request (from a client).
            throw .quickAckNotSupported
        }
        guard length <= maxFrameLength else { throw .frameTooLarge(length) }
        guard inbound.count >= headerLength + length else { return nil }
        inbound.skip(headerLength)
        let payload = inbound.take(length)
        if role == .client, length == 4, let code = TransportError.serverErrorCode(in: payload[...]) {
            throw .serverError(code: code)
        }
        return payload
    }
}
