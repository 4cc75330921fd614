import MTProtoCrypto

/// The server's proof-of-work number: `pq`, a product of two distinct primes in [2^30, 2^31), so that
/// pq fits in 62 bits like Telegram's.
struct ProofOfWork: Sendable {
    let p: UInt64
    let q: UInt64

    var pq: UInt64 { p * q }

    /// Two primes found from random 32-bit starting points (deterministic for a replayed source).
    init(random: inout some RandomSource) {
        let p = Self.prime(from: random.uint32())
        var q = Self.prime(from: random.uint32())
        while q == p { q = Self.prime(from: random.uint32()) }
        (self.p, self.q) = (min(p, q), max(p, q))
    }

    /// The first prime at or after `seed` mapped into [2^30, 2^31), wrapping to 2^30 at the top.
    private static func prime(from seed: UInt32) -> UInt64 {
        let low: UInt64 = 1 << 30
        var candidate = low | (UInt64(seed) & (low - 1)) | 1
        while !PQFactorization.isPrime(candidate) {
            candidate += 2
            if candidate >= low << 1 { candidate = low + 1 }
        }
        return candidate
    }
}
