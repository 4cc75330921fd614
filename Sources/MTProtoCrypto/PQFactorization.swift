/// Factorization of the key exchange's proof-of-work number `pq` (a product of two primes below 2^32).
public enum PQFactorization {
    /// Splits `pq` into `p * q` with `1 < p <= q`, or returns nil when there is no such split
    /// (0, 1, primes). For MTProto's `pq` the result is its two prime factors.
    ///
    /// Uses Pollard's rho with Brent's cycle detection, after a deterministic Miller-Rabin test so that
    /// primes are rejected instead of searched forever.
    public static func factorize(_ pq: UInt64) -> (p: UInt64, q: UInt64)? {
        guard pq >= 4, !isPrime(pq) else { return nil }
        if pq % 2 == 0 { return (2, pq / 2) }
        var increment: UInt64 = 1
        while true {
            if let factor = brent(pq, increment: increment) {
                let other = pq / factor
                return (min(factor, other), max(factor, other))
            }
            increment += 1
        }
    }

    /// One run of Brent's variant of Pollard's rho with f(y) = y^2 + increment; nil when it only
    /// finds the trivial factor n.
    private static func brent(_ n: UInt64, increment: UInt64) -> UInt64? {
        let batch: UInt64 = 128
        var y: UInt64 = 2
        var x: UInt64 = 2
        var saved: UInt64 = 2
        var product: UInt64 = 1
        var divisor: UInt64 = 1
        var length: UInt64 = 1
        func step(_ value: UInt64) -> UInt64 { addMod(mulMod(value, value, n), increment, n) }

        while divisor == 1 {
            x = y
            for _ in 0..<length { y = step(y) }
            var done: UInt64 = 0
            while done < length && divisor == 1 {
                saved = y
                for _ in 0..<min(batch, length - done) {
                    y = step(y)
                    product = mulMod(product, x > y ? x - y : y - x, n)
                }
                divisor = gcd(product, n)
                done += batch
            }
            length *= 2
        }
        if divisor == n {
            // The batched product hit 0 mod n; replay the last batch one step at a time.
            repeat {
                saved = step(saved)
                divisor = gcd(x > saved ? x - saved : saved - x, n)
            } while divisor == 1
        }
        return divisor == n ? nil : divisor
    }

    /// Whether `n` is prime, exactly for every 64-bit `n`: a deterministic Miller-Rabin test with the
    /// first twelve primes as bases, which has no strong pseudoprimes below 3.3 * 10^24. Used here to
    /// reject prime `pq`s, and by the server side of the key exchange to pick the primes of its `pq`.
    public static func isPrime(_ n: UInt64) -> Bool {
        let bases: [UInt64] = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37]
        guard n >= 2 else { return false }
        for base in bases where n % base == 0 { return n == base }
        var oddPart = n - 1
        var twos = 0
        while oddPart % 2 == 0 {
            oddPart /= 2
            twos += 1
        }
        witnessLoop: for base in bases {
            var value = powMod(base, oddPart, n)
            if value == 1 || value == n - 1 { continue }
            for _ in 1..<max(twos, 1) {
                value = mulMod(value, value, n)
                if value == n - 1 { continue witnessLoop }
            }
            return false
        }
        return true
    }

    private static func mulMod(_ a: UInt64, _ b: UInt64, _ n: UInt64) -> UInt64 {
        n.dividingFullWidth(a.multipliedFullWidth(by: b)).remainder
    }

    /// (a + b) mod n for a, b < n, without losing the carry.
    private static func addMod(_ a: UInt64, _ b: UInt64, _ n: UInt64) -> UInt64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow || sum >= n ? sum &- n : sum
    }

    private static func powMod(_ base: UInt64, _ exponent: UInt64, _ n: UInt64) -> UInt64 {
        var result: UInt64 = 1
        var power = base % n
        var remaining = exponent
        while remaining > 0 {
            if remaining & 1 == 1 { result = mulMod(result, power, n) }
            power = mulMod(power, power, n)
            remaining >>= 1
        }
        return result
    }

    private static func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }
}
