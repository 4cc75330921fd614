/// A small seeded generator (SplitMix64) for fault injection: reproducible from its seed, not secure.
public struct FaultRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose draws follow from `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// True with probability `probability` (never for 0 or less, always for 1 or more).
    public mutating func chance(_ probability: Double) -> Bool {
        guard probability > 0 else { return false }
        return Double.random(in: 0..<1, using: &self) < probability
    }
}
