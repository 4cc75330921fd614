/// The intermediate framing: each payload is preceded by its length as a 4-byte little-endian
/// integer. A client opens with the tag 0xeeeeeeee.
/// Source: https://core.telegram.org/mtproto/mtproto-transports#intermediate
public struct IntermediateFraming: BufferedFraming, Sendable {
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
        tag = ProtocolTag(TransportProtocol.intermediate.tag ?? [], role: role, inStream: tagInStream)
    }

    /// Appends the length and `payload`, after the tag on a client's first call. The payload must be
    /// a multiple of 4 bytes, as MTProto payloads are (tdlib checks the same).
    public mutating func encode(_ payload: [UInt8], into out: inout [UInt8]) throws(TransportError) {
        guard payload.count % 4 == 0 else { throw .payloadNotAligned(payload.count) }
        guard payload.count <= min(maxFrameLength, LengthPrefix.maxLength) else {
            throw .frameTooLarge(payload.count)
        }
        tag.write(into: &out)
        out.appendLittleEndian(UInt32(payload.count))
        out.append(contentsOf: payload)
    }

    /// The next payload in `inbound`, or nil until it holds a whole one.
    mutating func decode() throws(TransportError) -> [UInt8]? {
        guard try tag.read(from: &inbound),
            let length = try LengthPrefix.read(from: inbound, maxFrameLength: maxFrameLength),
            inbound.count >= 4 + length
        else { return nil }
        inbound.skip(4)
        let payload = inbound.take(length)
        if role == .client, length == 4, let code = TransportError.serverErrorCode(in: payload[...]) {
            throw .serverError(code: code)
        }
        return payload
    }
}
