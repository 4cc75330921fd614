import MTProtoCrypto

/// The padded intermediate framing: as intermediate, but 0–15 random bytes follow each payload and
/// the length counts them. A client opens with the tag 0xdddddddd.
/// Source: https://core.telegram.org/mtproto/mtproto-transports#padded-intermediate
///
/// The receiver cannot tell payload from padding, so `nextFrame()` returns both; the MTProto layer
/// above knows its message length and ignores trailing bytes (as tdlib does). Padding does not count
/// against `maxFrameLength`. Payloads must be a multiple of 4 bytes, as for intermediate; the padding
/// length is uniform in 0...15 and not aligned, exactly as tdlib writes it.
public struct PaddedIntermediateFraming: BufferedFraming {
    /// Most padding bytes after one payload.
    static let maxPadding = 15
    /// Longest frame (payload and padding) that can be a transport error: a 4-byte code plus padding.
    private static let maxErrorFrameLength = 4 + maxPadding
    /// Longest quick-ACK frame: 0xffffffff, the 4-byte token, then up to 8 bytes of padding.
    private static let maxQuickAckFrameLength = 16

    private let role: TransportRole
    private let maxFrameLength: Int
    private var random: any RandomSource
    private var tag: ProtocolTag
    var inbound = ByteQueue()
    var failure: TransportError?

    /// A framing for the `role` end of a connection that draws padding from `random` and accepts
    /// payloads up to `maxFrameLength` bytes.
    public init(
        role: TransportRole,
        random: some RandomSource,
        maxFrameLength: Int = TransportLimits.defaultMaxFrameLength
    ) {
        self.init(role: role, random: random, maxFrameLength: maxFrameLength, tagInStream: true)
    }

    /// As the public initializer; `tagInStream` is false when transport obfuscation carries the tag.
    init(role: TransportRole, random: any RandomSource, maxFrameLength: Int, tagInStream: Bool) {
        self.role = role
        self.random = random
        self.maxFrameLength = maxFrameLength
        tag = ProtocolTag(TransportProtocol.paddedIntermediate.tag ?? [], role: role, inStream: tagInStream)
    }

    /// Appends the length, `payload` and 0–15 random padding bytes, after the tag on a client's
    /// first call. The payload must be a multiple of 4 bytes.
    public mutating func encode(_ payload: [UInt8], into out: inout [UInt8]) throws(TransportError) {
        guard payload.count % 4 == 0 else { throw .payloadNotAligned(payload.count) }
        guard payload.count <= min(maxFrameLength, LengthPrefix.maxLength - Self.maxPadding) else {
            throw .frameTooLarge(payload.count)
        }
        // One draw per frame: a byte choosing the padding length, then enough bytes for any padding.
        let draw = random.bytes(1 + Self.maxPadding)
        let paddingLength = Int(draw[0]) % (Self.maxPadding + 1)
        tag.write(into: &out)
        out.appendLittleEndian(UInt32(payload.count + paddingLength))
        out.append(contentsOf: payload)
        out.append(contentsOf: draw[1..<(1 + paddingLength)])
    }



    /// The longest frame accepted: the payload limit plus room for padding (clamped so it cannot overflow).
    private var paddedMaxFrameLength: Int {
        min(maxFrameLength, LengthPrefix.maxLength) + Self.maxPadding
    }

    /// The next payload in `inbound`, or nil until it holds a whole one.
    mutating func decode() throws(TransportError) -> [UInt8]? {
        guard try tag.read(from: &inbound),
            let length = try LengthPrefix.read(from: inbound, maxFrameLength: paddedMaxFrameLength),
            inbound.count >= 4 + length
        else { return nil }
        inbound.skip(4)
        let frame = inbound.take(length)
        if role == .client, let code = TransportError.serverErrorCode(in: frame[...]) {
            // Both are shorter than any MTProto message (at least 24 bytes), so they cannot be one.
            if code == -1, length <= Self.maxQuickAckFrameLength { throw .quickAckNotSupported }
            if length <= Self.maxErrorFrameLength { throw .serverError(code: code) }
        }
        return frame
    }
}
