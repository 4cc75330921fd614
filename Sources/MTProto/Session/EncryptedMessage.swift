import MTProtoCrypto
import TL

/// The decrypted contents of an MTProto 2.0 packet
/// (https://core.telegram.org/mtproto/description#encrypted-message-encrypted-data):
///
///     salt (8) || session_id (8) || msg_id (8) || seq_no (4) || message_data_length (4) || message_data || padding (12...1024)
struct EncryptedMessage: Sendable, Equatable {
    let salt: Int64
    let sessionID: Int64
    let messageID: Int64
    let seqNo: Int32
    private(set) var body: [UInt8]

    /// Decrypts a packet sent by `sender` and checks the header's length and padding rules. The packet is
    /// decrypted where it lies and becomes the body (header and padding cut off), so a 1 MiB file part
    /// is not copied.
    init(decrypting packet: consuming [UInt8], authKey: AuthKey, sender: Side) throws(MTProtoError) {
        let start: Int
        do {
            start = try MessageCipher.decrypt(inPlace: &packet, authKey: authKey, side: sender).lowerBound
        } catch {
            throw .decryptionFailed(error)
        }
        let length: Int32
        do throws(TLDecodingError) {
            var reader = TLReader(copy packet, range: start..<packet.count)
            salt = try reader.readInt64()
            sessionID = try reader.readInt64()
            messageID = try reader.readInt64()
            seqNo = try reader.readInt32()
            length = try reader.readInt32()
        } catch {
            throw .malformedMessage("shorter than the 32-byte header")
        }
        let padding = packet.count - start - 32 - Int(length)
        guard length >= 0, length % 4 == 0, (12...1024).contains(padding) else {
            throw .malformedMessage("length \(length) leaves \(padding) bytes of padding (12...1024 allowed)")
        }
        packet.removeSubrange((start + 32 + Int(length))...)
        packet.removeSubrange(..<(start + 32))
        body = packet
    }

    /// Hands the body over, leaving the message without one, so the caller holds its only reference.
    mutating func takeBody() -> [UInt8] {
        let taken = body
        body = []
        return taken
    }

    init(salt: Int64, sessionID: Int64, messageID: Int64, seqNo: Int32, body: [UInt8]) {
        self.salt = salt
        self.sessionID = sessionID
        self.messageID = messageID
        self.seqNo = seqNo
        self.body = body
    }

    /// Pads and encrypts the message as sent by `sender`, in the one buffer that becomes the packet.
    func encrypted(authKey: AuthKey, sender: Side, random: inout some RandomSource) -> [UInt8] {
        var writer = TLWriter(capacity: MessageCipher.headerLength + 32 + body.count + 1024)
        writer.writeRaw(repeatElement(0, count: MessageCipher.headerLength))
        writer.write(salt)
        writer.write(sessionID)
        writer.write(messageID)
        writer.write(seqNo)
        writer.write(Int32(truncatingIfNeeded: body.count))
        writer.writeRaw(body)
        writer.writeRaw(MessageCipher.padding(forLength: writer.count - MessageCipher.headerLength, random: &random))
        var packet = writer.takeBytes()
        do {
            try MessageCipher.encrypt(inPlace: &packet, authKey: authKey, side: sender)
        } catch {
            // The padding makes the plaintext a non-empty multiple of 16, the only thing encrypt checks.
            preconditionFailure("MessageCipher rejected a padded plaintext: \(error)")
        }
        return packet
    }
}
