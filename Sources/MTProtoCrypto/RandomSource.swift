/// A source of random bytes. The protocol code takes one as a parameter, so tests can replay
/// recorded exchanges with `ReplayRandom` while production code uses `SystemRandom`.
public protocol RandomSource {
    /// Fills `buffer` entirely with random bytes.
    mutating func fill(_ buffer: UnsafeMutableRawBufferPointer)
}

extension RandomSource {
    /// Returns `count` random bytes.
    public mutating func bytes(_ count: Int) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: count)
        output.withUnsafeMutableBytes { fill($0) }
        return output
    }
}
