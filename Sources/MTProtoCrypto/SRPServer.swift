import COpenSSL

/// The server side of Telegram's 2FA SRP check, for the sandbox server: it publishes `srpB` in
/// `account.password` and verifies the client's `inputCheckPasswordSRP`.
///
///     B   = (k*v + g^b mod p) mod p
///     s_b = (A * v^u mod p)^b mod p,  k_b = H(s_b),  M2 = H(H(p) xor H(g) | H(salt1) | H(salt2) | A | B | k_b)
public struct SRPServer: Sendable {
    /// `srp_B` to send to the client (256 bytes).
    public let srpB: [UInt8]

    private let group: SRPGroup
    private let salt1: [UInt8]
    private let salt2: [UInt8]
    private let verifier: BigNum
    private let secret: BigNum

    /// Starts a check for the stored `verifier` (from `SRP.verifier`), drawing the 256-byte secret b
    /// from `random`. Throws `srpCheckFailed` for bad p or g.
    public init(
        g: Int, p: [UInt8], salt1: [UInt8], salt2: [UInt8], verifier: [UInt8], random: inout some RandomSource
    ) throws(CryptoError) {
        group = try SRPGroup(g: g, p: p)
        self.salt1 = salt1
        self.salt2 = salt2
        self.verifier = BigNum(verifier)
        secret = BigNum(random.bytes(256))
        let kv = group.multiplier * self.verifier
        let gB = try (kv + group.generator.modExp(secret, group.prime)).mod(group.prime)
        srpB = try group.pad(gB)
    }

    /// Whether the client's `A` and `M1` prove knowledge of the password. Rejects A outside 0 < A < p.
    public func verify(A: [UInt8], M1: [UInt8]) -> Bool {
        let a = BigNum(A)
        guard A.count <= 256, M1.count == 32, !a.isZero, a < group.prime else { return false }
        do {
            let gA = try group.pad(a)
            let u = BigNum(Hash.sha256(gA, srpB))
            let base = try (a * verifier.modExp(u, group.prime)).mod(group.prime)
            let sessionKey = try Hash.sha256(group.pad(base.modExp(secret, group.prime)))
            let expected = group.proof(salt1: salt1, salt2: salt2, gA: gA, gB: srpB, sessionKey: sessionKey)
            return CRYPTO_memcmp(expected, M1, 32) == 0
        } catch {
            return false
        }
    }
}
