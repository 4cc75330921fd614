import MTProtoCrypto

/// A deterministic stream of 64-bit draws keyed by its inputs (SplitMix64 over a mixed key).
///
/// Every synthetic fact is drawn from `Draw(seed, channel, id, purpose)`, so content is a pure
/// function of its key: two worlds with the same seed agree byte for byte without sharing state.
struct Draw {
    private var generator: SeededRandom

    /// Starts the stream for a key made of `parts` (order matters).
    init(_ parts: UInt64...) {
        var seed: UInt64 = 0x243F_6A88_85A3_08D3
        for part in parts { seed = Draw.mix(seed ^ Draw.mix(part)) }
        generator = SeededRandom(seed: seed)
    }

    /// The next raw draw.
    mutating func next() -> UInt64 {
        generator.next()
    }

    /// A draw in `0..<bound` (`bound` > 0).
    mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(max(bound, 1)))
    }

    /// A draw in `0.0..<1.0`.
    mutating func unit() -> Double {
        Double(next() >> 11) / Double(UInt64(1) << 53)
    }

    /// Whether a draw falls under `probability`.
    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// One element of a non-empty array.
    mutating func pick<T>(_ options: [T]) -> T {
        options[below(options.count)]
    }

    /// The SplitMix64 finalizer.
    static func mix(_ value: UInt64) -> UInt64 {
        SeededRandom.mix(value)
    }

    /// A stable 64-bit key for a string (FNV-1a over UTF-8), independent of Swift's per-process hashing.
    static func key(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }
}

/// Purposes that keep the draws for different facts of one message independent.
enum DrawPurpose: UInt64 {
    case identity = 1, date, kind, deletion, edit, text, media, forward, counters, album, lateDeletion
    case password, srp, takeout, codeHash, fileReference, exportedAuthorization, fileFault
    case commentWeight, commentThread, commentSender
    case topic, topicReply, forumSender
}
