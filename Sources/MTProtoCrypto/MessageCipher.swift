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
        var packet = [UInt8]()
        packet.reserveCapacity(headerLength + plaintext.count)
        packet.append(contentsOf: repeatElement(0, count: headerLength))
        packet.append(contentsOf: plaintext)
        try encrypt(inPlace: &packet, authKey: authKey, side: side)
        return packet
    }

    /// Encrypts in place a packet laid out as `headerLength` (24) bytes of room followed by a padded
    /// plaintext sent by `side`: fills in `auth_key_id` and `msg_key` and encrypts the rest, so a 1 MiB
    /// file part is never copied. Throws `invalidLength` unless the plaintext is a positive multiple of 16.
    public static func encrypt(inPlace packet: inout [UInt8], authKey: AuthKey, side: Side) throws(CryptoError) {
        let length = max(0, packet.count - headerLength)
        guard length > 0, length % 16 == 0 else { throw .invalidLength(length) }
        let failure: CryptoError? = packet.withUnsafeMutableBytes { buffer -> CryptoError? in
            let body = UnsafeMutableRawBufferPointer(rebasing: buffer[headerLength...])
            let msgKey = KeyDerivation.msgKey(authKey: authKey, plaintext: UnsafeRawBufferPointer(body), side: side)
            do throws(CryptoError) {
                let keyIV = try KeyDerivation.aesKeyIV(authKey: authKey, msgKey: msgKey, side: side)
                buffer.copyBytes(from: authKey.idBytes)
                UnsafeMutableRawBufferPointer(rebasing: buffer[8..<headerLength]).copyBytes(from: msgKey)
                try AESIGE.encrypt(body, key: keyIV.key, iv: keyIV.iv)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }

    /// `auth_key_id` and `msg_key`, before the encrypted part.
    public static let headerLength = 8 + 16

    /// Decrypts a packet sent by `side` and returns its plaintext, padding included.
    ///
    /// Throws `invalidLength` when the packet is too short or its encrypted part is not a multiple
    /// of 16, `authKeyIdMismatch` when it was encrypted for another key, and `msgKeyMismatch` when the
    /// msg_key recomputed from the plaintext differs (compared in constant time).
    public static func decrypt(packet: [UInt8], authKey: AuthKey, side: Side) throws(CryptoError) -> [UInt8] {
        var plaintext = packet
        let range = try decrypt(inPlace: &plaintext, authKey: authKey, side: side)
        plaintext.removeSubrange(..<range.lowerBound)
        return plaintext
    }

    /// Decrypts a packet sent by `side` in place and returns where its plaintext (padding included) now
    /// lies in it: a 1 MiB file part is decrypted where it arrived, without a copy. Throws as
    /// `decrypt(packet:authKey:side:)`; the packet's contents are unspecified after a throw.
    public static func decrypt(inPlace packet: inout [UInt8], authKey: AuthKey, side: Side) throws(CryptoError) -> Range<Int> {
        guard packet.count > headerLength, (packet.count - headerLength) % 16 == 0 else {
            throw .invalidLength(packet.count)
        }
        guard packet[0..<8].elementsEqual(authKey.idBytes) else { throw .authKeyIdMismatch }
        let msgKey = Array(packet[8..<headerLength])
        let keyIV = try KeyDerivation.aesKeyIV(authKey: authKey, msgKey: msgKey, side: side)
        let failure: CryptoError? = packet.withUnsafeMutableBytes { buffer -> CryptoError? in
            let body = UnsafeMutableRawBufferPointer(rebasing: buffer[headerLength...])
            // One pass decrypts and hashes for msg_key (KeyDerivation.msgKey's SHA-256, prefix included).
            let digest: [UInt8]
            do throws(CryptoError) {
                digest = try AESIGE.decrypt(body, key: keyIV.key, iv: keyIV.iv,
                                            hashingAfter: KeyDerivation.msgKeyPrefix(authKey: authKey, side: side))
            } catch {
                return error
            }
            let expected = Array(digest[8..<24])
            return CRYPTO_memcmp(expected, msgKey, 16) == 0 ? nil : .msgKeyMismatch
        }
        if let failure { throw failure }
        return headerLength..<packet.count
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
