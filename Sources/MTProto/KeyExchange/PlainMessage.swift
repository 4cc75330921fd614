import TL

/// An unencrypted MTProto message, used only during key exchange
/// (https://core.telegram.org/mtproto/description#unencrypted-message):
///
///     auth_key_id = 0 (8 bytes) || msg_id (8) || message_data_length (4) || message_data
public struct PlainMessage: Sendable, Equatable {
    /// The message's `msg_id`.
    public let messageID: Int64
    /// The TL-serialized body.
    public let body: [UInt8]

    /// A message carrying `body` under `messageID`.
    public init(messageID: Int64, body: [UInt8]) {
        self.messageID = messageID
        self.body = body
    }

    /// Parses a packet; throws `invalidPlainMessage` for a non-zero auth_key_id or a length that
    /// disagrees with the packet size.
    public init(parsing packet: [UInt8]) throws(KeyExchangeError) {
        var reader = TLReader(packet)
        let authKeyID: Int64
        let length: Int32
        do throws(TLDecodingError) {
            authKeyID = try reader.readInt64()
            messageID = try reader.readInt64()
            length = try reader.readInt32()
        } catch {
            throw .invalidPlainMessage("shorter than the 20-byte header")
        }
        guard authKeyID == 0 else { throw .invalidPlainMessage("auth_key_id is not zero") }
        guard Int(length) == reader.remaining else {
            throw .invalidPlainMessage("length \(length) does not match the \(reader.remaining) bytes that follow")
        }
        body = reader.readRest()
    }

    /// The packet bytes.
    public func serialized() -> [UInt8] {
        var writer = TLWriter(capacity: 20 + body.count)
        writer.write(Int64(0))
        writer.write(messageID)
        writer.write(Int32(truncatingIfNeeded: body.count))
        writer.writeRaw(body)
        return writer.bytes
    }
}
