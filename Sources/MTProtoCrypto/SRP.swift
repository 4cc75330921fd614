/// The client side of Telegram's 2FA password check, algorithm
/// `passwordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow` (https://core.telegram.org/api/srp).
///
/// With H = SHA256, SH(data, salt) = H(salt | data | salt) and numbers hashed as 256-byte big-endian:
///
///     x   = SH(PBKDF2-HMAC-SHA512(SH(SH(password, salt1), salt2), salt1, 100000), salt2)
///     k   = H(p | g),  u = H(g_a | g_b),  v = g^x mod p
///     s_a = (g_b - k*v mod p)^(a + u*x) mod p,  k_a = H(s_a)
///     M1  = H(H(p) xor H(g) | H(salt1) | H(salt2) | g_a | g_b | k_a)
///
/// The password hash runs 100000 PBKDF2 iterations (about a tenth of a second): call these once per attempt.
public enum SRP {
    /// Computes `A` (g_a, 256 bytes) and `M1` (32 bytes) for `inputCheckPasswordSRP` from
    /// `account.password`'s algorithm parameters and `srp_B`, using the caller's random 256-byte `a`.
    ///
    /// Throws `srpCheckFailed` when p is not a 2048-bit safe prime for which g generates the
    /// prime-order subgroup, or when srp_B is not in 0 < B < p.
    public static func computeCheck(
        password: [UInt8], salt1: [UInt8], salt2: [UInt8], g: Int, p: [UInt8], srpB: [UInt8], a: [UInt8]
    ) throws(CryptoError) -> (A: [UInt8], M1: [UInt8]) {
        let group = try SRPGroup(g: g, p: p)
        return try computeCheck(
            password: password, salt1: salt1, salt2: salt2, group: group, srpB: srpB, a: BigNum(a))
    }

    /// The verifier `v = g^x mod p` (256 bytes) that the server stores for a new password
    /// (`new_password_hash` of `account.passwordInputSettings`). Throws `srpCheckFailed` for bad p or g.
    ///
    /// For a new password the client first appends 32 random bytes to the server's `salt1`.
    public static func verifier(
        password: [UInt8], salt1: [UInt8], salt2: [UInt8], g: Int, p: [UInt8]
    ) throws(CryptoError) -> [UInt8] {
        let group = try SRPGroup(g: g, p: p)
        let x = try passwordHash(password: password, salt1: salt1, salt2: salt2)
        return try group.pad(group.generator.modExp(x, group.prime))
    }

    /// `computeCheck` over an already-checked group; also the entry point for toy-sized test groups.
    static func computeCheck(
        password: [UInt8], salt1: [UInt8], salt2: [UInt8], group: SRPGroup, srpB: [UInt8], a: BigNum
    ) throws(CryptoError) -> (A: [UInt8], M1: [UInt8]) {
        let b = BigNum(srpB)
        guard srpB.count <= 256, !b.isZero, b < group.prime else {
            throw .srpCheckFailed("srp_B is not between 0 and p")
        }
        let gA = try group.pad(group.generator.modExp(a, group.prime))
        let gB = try group.pad(b)
        let x = try passwordHash(password: password, salt1: salt1, salt2: salt2)
        let u = BigNum(Hash.sha256(gA, gB))
        let kv = try (group.multiplier * group.generator.modExp(x, group.prime)).mod(group.prime)
        let t = try (b - kv).mod(group.prime)
        let sA = try t.modExp(a + u * x, group.prime)
        let kA = try Hash.sha256(group.pad(sA))
        return (gA, group.proof(salt1: salt1, salt2: salt2, gA: gA, gB: gB, sessionKey: kA))
    }

    /// x = PH2(password, salt1, salt2) as a number.
    static func passwordHash(password: [UInt8], salt1: [UInt8], salt2: [UInt8]) throws(CryptoError) -> BigNum {
        func saltedHash(_ data: [UInt8], _ salt: [UInt8]) -> [UInt8] { Hash.sha256(salt, data, salt) }
        let ph1 = saltedHash(saltedHash(password, salt1), salt2)
        let stretched = try PBKDF2.hmacSHA512(password: ph1, salt: salt1, iterations: 100_000)
        return BigNum(saltedHash(stretched, salt2))
    }
}

/// SRP group parameters (p, g) with the values both sides derive from them.
struct SRPGroup: Sendable {
    let prime: BigNum
    let generator: BigNum
    /// p as 256 bytes, as hashed.
    let primeBytes: [UInt8]
    /// g as 256 bytes, as hashed.
    let generatorBytes: [UInt8]
    /// k = H(p | g).
    let multiplier: BigNum

    /// Checks p and g as Telegram requires (2048-bit safe prime, g generating the prime-order subgroup).
    init(g: Int, p: [UInt8]) throws(CryptoError) {
        let prime = BigNum(p)
        do {
            try DHChecks.validate(prime: prime, g: g)
        } catch {
            if case .dhCheckFailed(let reason) = error { throw .srpCheckFailed(reason) }
            throw error
        }
        try self.init(unchecked: g, prime: prime)
    }

    /// Builds a group without the prime checks, for toy-sized published test vectors.
    init(unchecked g: Int, prime: BigNum) throws(CryptoError) {
        guard g > 0, prime.bitCount <= 2048 else { throw .srpCheckFailed("p or g out of range") }
        self.prime = prime
        generator = BigNum(UInt64(g))
        primeBytes = try prime.bytes(paddedTo: 256)
        generatorBytes = try generator.bytes(paddedTo: 256)
        multiplier = BigNum(Hash.sha256(primeBytes, generatorBytes))
    }

    /// `value` as 256 big-endian bytes.
    func pad(_ value: BigNum) throws(CryptoError) -> [UInt8] {
        try value.bytes(paddedTo: 256)
    }

    /// M = H(H(p) xor H(g) | H(salt1) | H(salt2) | g_a | g_b | K), the proof both sides compute.
    func proof(salt1: [UInt8], salt2: [UInt8], gA: [UInt8], gB: [UInt8], sessionKey: [UInt8]) -> [UInt8] {
        let groupHash = zip(Hash.sha256(primeBytes), Hash.sha256(generatorBytes)).map { $0 ^ $1 }
        return Hash.sha256(groupHash, Hash.sha256(salt1), Hash.sha256(salt2), gA, gB, sessionKey)
    }
}
