import MTProtoTransport

/// Removes the random bytes padded intermediate appends to each payload.
///
/// The framing cannot tell payload from padding and delivers both, while the MTProto core parses
/// exact packets. The packet itself says where it ends, as tdlib reads it: a plain message
/// (auth_key_id 0) after its declared message_data_length, an encrypted one after the last whole
/// 16-byte block of its ciphertext. Anything too short to say is left for the core to reject.
///
/// This is the one place padding is removed: `MTProtoConnection` and `ServerConnection` pass every
/// received frame through `strip` before handing it to the core, which stays strict about lengths
/// (a plain message's declared length, whole AES blocks, the msg_key over the exact plaintext) for
/// every other framing. Covered for both ends and every padding length by `TransportPaddingTests`.
enum TransportPadding {
    /// `frame` without padding when `framing` pads, otherwise unchanged. The padding is cut off in
    /// place: a frame the caller hands over is not copied.
    static func strip(_ frame: consuming [UInt8], framing: TransportProtocol?) -> [UInt8] {
        guard framing == .paddedIntermediate, frame.count >= 8 else { return frame }
        if frame[0..<8].allSatisfy({ $0 == 0 }) {
            guard frame.count >= 20 else { return frame }
            let declared = frame[16..<20].reversed().reduce(0) { $0 << 8 | Int($1) }
            let end = 20 + declared
            if end <= frame.count { frame.removeSubrange(end...) }
            return frame
        }
        guard frame.count > 24 else { return frame }
        frame.removeSubrange((24 + (frame.count - 24) / 16 * 16)...)
        return frame
    }
}
