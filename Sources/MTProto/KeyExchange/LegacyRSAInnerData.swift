import MTProtoCrypto
import TL

/// The pre-RSA_PAD encryption of `p_q_inner_data`, which Telegram's servers still accept and
/// clients such as Telethon 1.45 still send: raw RSA over `SHA1(data) || data || random padding`
/// (255 bytes). See https://core.telegram.org/mtproto/auth_key (the earlier revision of step 4).
enum LegacyRSAInnerData {
    /// Reads the inner data from an RSA-decrypted block (modulus-sized, so it starts with a zero byte),
    /// or returns `nil` when the block is not in this form or its SHA1 does not match.
    static func decode(_ block: [UInt8]) -> MT.PQInnerData? {
        let hashStart = block.count - 255
        guard hashStart >= 0, block[..<hashStart].allSatisfy({ $0 == 0 }) else { return nil }
        let dataStart = hashStart + 20
        var reader = TLReader(block, range: dataStart..<block.count)
        guard let inner = try? MT.PQInnerData(from: &reader) else { return nil }
        let data = Array(block[dataStart..<reader.position])
        guard Hash.sha1(data).elementsEqual(block[hashStart..<dataStart]) else { return nil }
        return inner
    }
}
