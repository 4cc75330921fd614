import MTProtoCrypto

/// A checked Diffie-Hellman group: a safe 2048-bit prime and a generator of its large subgroup.
struct DHGroup: Sendable {
    let prime: BigNum
    let g: Int32

    /// Checks `prime` and `g` as https://core.telegram.org/mtproto/auth_key requires.
    init(prime: BigNum, g: Int32) throws(KeyExchangeError) {
        do {
            try DHChecks.validate(prime: prime, g: Int(g))
        } catch {
            if case .dhCheckFailed(let reason) = error { throw .invalidDHParameters(reason) }
            throw .crypto(error)
        }
        self.prime = prime
        self.g = g
    }

    /// Throws unless `value` (g_a or g_b) lies in the range the docs allow.
    func checkPublicValue(_ value: BigNum) throws(KeyExchangeError) {
        do {
            try DHChecks.validateGA(value, prime: prime)
        } catch {
            if case .dhCheckFailed(let reason) = error { throw .invalidDHPublicValue(reason) }
            throw .crypto(error)
        }
    }

    /// `base^exponent mod prime`.
    func power(_ base: BigNum, _ exponent: BigNum) throws(KeyExchangeError) -> BigNum {
        do {
            return try base.modExp(exponent, prime)
        } catch {
            throw .crypto(error)
        }
    }

    /// A 256-byte secret exponent and its public value g^secret, checked against the range rule.
    func keyPair(random: inout some RandomSource) throws(KeyExchangeError) -> (secret: BigNum, publicValue: BigNum) {
        let secret = BigNum(random.bytes(256))
        let publicValue = try power(BigNum(UInt64(g)), secret)
        try checkPublicValue(publicValue)
        return (secret, publicValue)
    }

    /// The 256-byte auth key `peerPublic^secret mod prime`.
    func sharedKey(peerPublic: BigNum, secret: BigNum) throws(KeyExchangeError) -> AuthKey {
        let shared = try power(peerPublic, secret)
        do {
            return try AuthKey(shared.bytes(paddedTo: 256))
        } catch {
            throw .crypto(error)
        }
    }
}
