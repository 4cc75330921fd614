import MTProtoCrypto

/// Any `RandomSource` behind one concrete type, so an actor can keep an injected source in a
/// stored property and pass it `inout` to the generic protocol code.
struct AnyRandomSource: RandomSource {
    private var base: any RandomSource

    /// Wraps `base`.
    init(_ base: any RandomSource) {
        self.base = base
    }

    /// Fills `buffer` from the wrapped source.
    mutating func fill(_ buffer: UnsafeMutableRawBufferPointer) {
        base.fill(buffer)
    }
}
