import COpenSSL

/// The MTProto 2.0 encrypted-message envelope: `auth_key_id (8) || msg_key (16) || AES-256-IGE(plaintext)`.
///
/// The plaintext is the whole inner message (salt, session_id, msg_id, seq_no, length, body) followed by
/// 12 to 1024 bytes of padding that make its length a multiple of 16; `padding(forLength:random:)`
/// produces such padding. Parsing and checking the inner fields (salt, session_id, length, padding size)
/// is the session's job.
///
/// `side` is always the side that *sent* the packet: a client encrypts with `.client` and decrypts the
/// server's packets with `.server`; the sandbox server does the opposite.
public enum MessageCipher {
    /// Encrypts a padded plaintext sent by `side`. Throws `invalidLength` unless its length is a
    /// positive multiple of 16.
    public static func encrypt(plaintext: [UInt8], authKey: AuthKey, side: Side) throws(CryptoError) -> [UInt8] {
        guard !plaintext.isEmpty, plaintext.count % 16 == 0 else { throw .invalidLength(plaintext.count) }
        let msgKey = KeyDerivation.msgKey(authKey: authKey, plaintext: plaintext, side: side)
        let keyIV = try KeyDerivation.aesKeyIV(authKey: authKey, msgKey: msgKey, side: side)
        // One copy of the plaintext into the packet, encrypted there in place: a 1 MiB file part is not
        // copied again.
        var packet = [UInt8]()
        packet.reserveCapacity(headerLength + plaintext.count)
        packet.append(contentsOf: authKey.idBytes)
        packet.append(contentsOf: msgKey)
        packet.append(contentsOf: plaintext)
        let failure: CryptoError? = packet.withUnsafeMutableBytes { buffer -> CryptoError? in
            do throws(CryptoError) {
                try AESIGE.encrypt(UnsafeMutableRawBufferPointer(rebasing: buffer[headerLength...]), key: keyIV.key, iv: keyIV.iv)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
        return packet
    }

    /// `auth_key_id` and `msg_key`, before the encrypted part.
    private static let headerLength = 8 + 16

    /// Decrypts a packet sent by `side` and returns its plaintext, padding included.
    ///
    /// Throws `invalidLength` when the packet is too short or its encrypted part is not a multiple
    /// of 16, `authKeyIdMismatch` when it was encrypted for another key, and `msgKeyMismatch` when the
    /// msg_key recomputed from the plaintext differs (compared in constant time).
    public static func decrypt(packet: [UInt8], authKey: AuthKey, side: Side) throws(CryptoError) -> [UInt8] {
        guard packet.count > headerLength, (packet.count - headerLength) % 16 == 0 else {
            throw .invalidLength(packet.count)
        }
        guard packet[0..<8].elementsEqual(authKey.idBytes) else { throw .authKeyIdMismatch }
        let msgKey = Array(packet[8..<headerLength])
        let keyIV = try KeyDerivation.aesKeyIV(authKey: authKey, msgKey: msgKey, side: side)
        // The one copy out of the packet is decrypted in place.
        var plaintext = Array(packet[headerLength...])
        let failure: CryptoError? = plaintext.withUnsafeMutableBytes { buffer -> CryptoError? in
            do throws(CryptoError) {
                try AESIGE.decrypt(buffer, key: keyIV.key, iv: keyIV.iv)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
        let expected = KeyDerivation.msgKey(authKey: authKey, plaintext: plaintext, side: side)
        guard CRYPTO_memcmp(expected, msgKey, 16) == 0 else { throw .msgKeyMismatch }
        return plaintext
    }

    /// Random padding for a plaintext of `length` bytes: between 12 and 1024 bytes, making the total
    /// a multiple of 16. The size varies with up to 15 extra blocks, to hide the exact message length.
    ///
    /// Draws from `random` in this order: 1 byte choosing the extra blocks, then the padding bytes.
    public static func padding(forLength length: Int, random: inout some RandomSource) -> [UInt8] {
        let minimum = 12 + (16 - (length + 12) % 16) % 16
        let extraBlocks = Int(random.bytes(1)[0] & 0x0F)
        return random.bytes(minimum + 16 * extraBlocks)
    }
}
