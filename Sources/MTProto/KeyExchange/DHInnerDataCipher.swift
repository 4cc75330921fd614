import MTProtoCrypto
import TL

/// Encryption of `server_DH_inner_data` and `client_DH_inner_data` under the temporary key derived from
/// the nonces (https://core.telegram.org/mtproto/auth_key, steps 5 and 6):
///
///     data_with_hash = SHA1(data) || data || padding (0...15 random bytes, to a multiple of 16)
///     encrypted      = AES256_IGE(data_with_hash, tmp_aes_key, tmp_aes_iv)
enum DHInnerDataCipher {
    /// Encrypts `data`, drawing the padding (only when some is needed) from `random`.
    static func encrypt(_ data: [UInt8], keyIV: AESKeyIV, random: inout some RandomSource) throws(KeyExchangeError) -> [UInt8] {
        let withHash = Hash.sha1(data) + data
        let paddingLength = (16 - withHash.count % 16) % 16
        let padded = paddingLength == 0 ? withHash : withHash + random.bytes(paddingLength)
        do {
            return try AESIGE.encrypt(padded, key: keyIV.key, iv: keyIV.iv)
        } catch {
            throw .crypto(error)
        }
    }

    /// Decrypts a block and parses the TL object inside. Throws `answerHashMismatch` when the SHA1
    /// prefix does not cover exactly the parsed object, or when more than 15 bytes of padding follow it.
    static func decrypt<Object: TLDeserializable>(
        _ encrypted: [UInt8], keyIV: AESKeyIV, as type: Object.Type
    ) throws(KeyExchangeError) -> Object {
        let decrypted: [UInt8]
        do {
            decrypted = try AESIGE.decrypt(encrypted, key: keyIV.key, iv: keyIV.iv)
        } catch {
            throw .crypto(error)
        }
        guard decrypted.count > 20 else { throw .answerHashMismatch }
        var reader = TLReader(decrypted, range: 20..<decrypted.count)
        let object: Object
        do throws(TLDecodingError) {
            object = try Object(from: &reader)
        } catch {
            // A wrong key or tampered data decrypts to noise, which rarely parses.
            throw .answerHashMismatch
        }
        guard reader.remaining < 16,
              Hash.sha1(Array(decrypted[20..<reader.position])) == Array(decrypted[0..<20])
        else { throw .answerHashMismatch }
        return object
    }
}
