import MTProtoCrypto
import TL

/// The three nonces of one exchange.
struct ExchangeNonces: Sendable {
    let nonce: TLInt128
    let serverNonce: TLInt128
    let newNonce: TLInt256

    /// The temporary AES key and IV of steps 5 and 6.
    func temporaryKeyIV() throws(KeyExchangeError) -> AESKeyIV {
        do {
            return try KeyDerivation.tmpAESKeyIV(serverNonce: serverNonce.bytes, newNonce: newNonce.bytes)
        } catch {
            throw .crypto(error)
        }
    }

    /// The first server salt.
    func firstSalt() throws(KeyExchangeError) -> Int64 {
        do {
            return try KeyDerivation.firstServerSalt(newNonce: newNonce.bytes, serverNonce: serverNonce.bytes)
        } catch {
            throw .crypto(error)
        }
    }

    /// Throws unless `nonce` and `serverNonce` are this exchange's.
    func check(nonce: TLInt128, serverNonce: TLInt128) throws(KeyExchangeError) {
        guard nonce == self.nonce else { throw .nonceMismatch }
        guard serverNonce == self.serverNonce else { throw .serverNonceMismatch }
    }
}
