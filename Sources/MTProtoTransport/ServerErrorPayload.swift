extension TransportError {
    /// The code of a transport error payload: the payload's first 4 bytes as a little-endian int32,
    /// if negative. Telegram sends "auth key not found" (-404) or "transport flood" (-429) this way in
    /// place of an MTProto message; each framing decides which payload lengths can be such a report.
    /// Source: https://core.telegram.org/mtproto/mtproto-transports#transport-errors
    static func serverErrorCode(in payload: ArraySlice<UInt8>) -> Int32? {
        guard payload.count >= 4 else { return nil }
        let code = Int32(bitPattern: UInt32(littleEndianBytes: payload))
        return code < 0 ? code : nil
    }
}
