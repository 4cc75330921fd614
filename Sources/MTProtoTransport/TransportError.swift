/// Why a framing could not encode a payload or decode the byte stream.
///
/// Decoding errors are final for the connection: once a framing has thrown from `nextFrame()`, it
/// throws the same error again on every later call, and the connection should be closed.
public enum TransportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A frame declared (or a caller offered) a payload of this many bytes, more than the configured
    /// maximum or more than the framing can express. Raised before any buffer is allocated for it.
    case frameTooLarge(Int)
    /// A full-transport frame's CRC32 trailer does not match the CRC32 of its bytes.
    case crcMismatch(expected: UInt32, got: UInt32)
    /// A full-transport frame carried a sequence number other than the next one expected.
    case badSequence(expected: Int32, got: Int32)
    /// A frame's length field holds a value no valid frame can have.
    case invalidLength(Int)
    /// A payload's length is not a multiple of 4, which the abridged and intermediate framings require.
    case payloadNotAligned(Int)
    /// The first bytes of a connection (or the decrypted obfuscation tag) name no known framing; the
    /// value is those 4 bytes read as a little-endian integer.
    case unknownProtocolTag(UInt32)
    /// The server reported a transport error: a frame whose payload is one negative little-endian
    /// int32, kept as sent (for example -404 for "auth key not found", -429 for transport flood).
    case serverError(code: Int32)
    /// The peer sent a quick-ACK token or asked for one; tgcron never requests quick ACKs.
    case quickAckNotSupported
    /// Transport obfuscation was asked to carry the full framing, which has no protocol tag.
    case obfuscationNeedsTaggedProtocol
    /// An autodetecting server framing was asked to send before the client's first bytes chose a framing.
    case protocolNotDetected
    /// The AES-256-CTR keystream for transport obfuscation could not be set up; the text says why.
    case cipherSetupFailed(String)

    /// A message for the person reading the log.
    public var description: String {
        switch self {
        case .frameTooLarge(let length): "frame of \(length) bytes exceeds the maximum frame length"
        case .crcMismatch(let expected, let got): "full transport CRC32 mismatch: computed \(expected), frame says \(got)"
        case .badSequence(let expected, let got): "full transport seq_no \(got) where \(expected) was expected"
        case .invalidLength(let length): "invalid frame length field \(length)"
        case .payloadNotAligned(let length): "payload of \(length) bytes is not a multiple of 4"
        case .unknownProtocolTag(let tag): "unknown transport protocol tag 0x\(String(tag, radix: 16))"
        case .serverError(let code): "server transport error \(code)"
        case .quickAckNotSupported: "quick ACK received or requested, but it is not supported"
        case .obfuscationNeedsTaggedProtocol: "transport obfuscation needs abridged, intermediate or padded intermediate"
        case .protocolNotDetected: "cannot send before the client's transport protocol is detected"
        case .cipherSetupFailed(let reason): "cannot set up the obfuscation cipher: \(reason)"
        }
    }
}
