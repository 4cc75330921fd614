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
        while !isPrime(candidate) {
            candidate += 2
            if candidate >= low << 1 { candidate = low + 1 }
        }
        return candidate
    }

    /// Deterministic Miller-Rabin for numbers below 2^32 (bases 2, 7 and 61 suffice there).
    static func isPrime(_ n: UInt64) -> Bool {
        guard n >= 2 else { return false }
        for small: UInt64 in [2, 3, 5, 7, 61] where n % small == 0 { return n == small }
        var oddPart = n - 1
        var twos = 0
        while oddPart % 2 == 0 {
            oddPart /= 2
            twos += 1
        }
        witnesses: for base: UInt64 in [2, 7, 61] {
            var value = powMod(base, oddPart, n)
            if value == 1 || value == n - 1 { continue }
            for _ in 1..<max(twos, 1) {
                value = value * value % n
                if value == n - 1 { continue witnesses }
            }
            return false
        }
        return true
    }

    /// base^exponent mod n for n < 2^32 (products stay below 2^64).
    private static func powMod(_ base: UInt64, _ exponent: UInt64, _ n: UInt64) -> UInt64 {
        var result: UInt64 = 1
        var power = base % n
        var remaining = exponent
        while remaining > 0 {
            if remaining & 1 == 1 { result = result * power % n }
            power = power * power % n
            remaining >>= 1
        }
        return result
    }
}
