import MTProtoCrypto
import TL

/// Seeded byte-level mutations in the style of libFuzzer's and AFL's havoc stage: each input is a
/// seed with one to four stacked mutations, so the same seed and options give the same inputs.
struct Mutator {
    /// The largest input produced; growth beyond it is cut off.
    static let maximumLength = 1 << 16

    /// Single bytes that sit on boundaries of signed, unsigned and TL length encodings.
    private static let interestingBytes: [UInt8] = [0x00, 0x01, 0x7f, 0x80, 0xfe, 0xff, 0x10, 0x40]
    /// 32-bit words that break counts and lengths: extremes, sign boundaries, TL's long-string
    /// prefix (0xfe + 3 length bytes) with absurd lengths, and the boxed vector id.
    private static let interestingWords: [UInt32] = [
        0, 1, 0x7fff_ffff, 0x8000_0000, 0xffff_ffff, 0xffff_fffe, 0x0000_00fe, 0x0000_00fd,
        0x00ff_fffe, 0x0100_00fe, 1_000_000, 0x0001_0000, TLVectorID.boxed, TLBoolID.true, TLBoolID.false,
    ]

    private var random: SeededRandom

    /// A mutator drawing from `seed`.
    init(seed: UInt64) {
        random = SeededRandom(seed: seed)
    }

    /// A new input: a seed from `seeds` (one of them, or two spliced) with stacked mutations.
    mutating func next(seeds: [[UInt8]], dictionary: [[UInt8]]) -> [UInt8] {
        var input = seeds[random.int(in: 0...seeds.count - 1)]
        for _ in 0..<random.int(in: 1...4) {
            mutate(&input, seeds: seeds, dictionary: dictionary)
        }
        if input.count > Self.maximumLength { input.removeLast(input.count - Self.maximumLength) }
        return input
    }

    private mutating func mutate(_ input: inout [UInt8], seeds: [[UInt8]], dictionary: [[UInt8]]) {
        switch random.int(in: 0...11) {
        case 0:  // flip one to four bits
            guard !input.isEmpty else { return }
            for _ in 0..<random.int(in: 1...4) {
                input[position(in: input)] ^= UInt8(1) << UInt8(random.int(in: 0...7))
            }
        case 1:  // set a byte to a boundary value
            guard !input.isEmpty else { return }
            input[position(in: input)] = Self.interestingBytes[random.int(in: 0...Self.interestingBytes.count - 1)]
        case 2:  // corrupt a length field: overwrite an aligned word with a boundary value
            overwriteWord(&input, with: Self.interestingWords[random.int(in: 0...Self.interestingWords.count - 1)])
        case 3:  // nudge an aligned word (counts, lengths, flags) up or down a little
            guard input.count >= 4 else { return }
            // The word must fit: an aligned offset at most count - 4 (the last aligned offset may not).
            let at = (random.int(in: 0...input.count - 4) / 4) * 4
            let word = UInt32(input[at]) | UInt32(input[at + 1]) << 8 | UInt32(input[at + 2]) << 16 | UInt32(input[at + 3]) << 24
            overwriteWord(&input, with: word &+ UInt32(bitPattern: Int32(random.int(in: -16...16))), at: at)
        case 4:  // insert random bytes
            let chunk = random.bytes(random.int(in: 1...32))
            input.insert(contentsOf: chunk, at: random.int(in: 0...input.count))
        case 5:  // delete a chunk
            guard !input.isEmpty else { return }
            let start = position(in: input)
            input.removeSubrange(start..<min(input.count, start + random.int(in: 1...64)))
        case 6:  // duplicate a chunk in place
            guard !input.isEmpty else { return }
            let start = position(in: input)
            let chunk = input[start..<min(input.count, start + random.int(in: 1...64))]
            input.insert(contentsOf: chunk, at: start)
        case 7:  // splice: this input's head with another seed's tail
            let other = seeds[random.int(in: 0...seeds.count - 1)]
            let head = input.prefix(random.int(in: 0...input.count))
            input = Array(head) + other.suffix(random.int(in: 0...other.count))
        case 8:  // truncate
            guard !input.isEmpty else { return }
            input.removeLast(random.int(in: 1...input.count))
        case 9, 10:  // insert or write a dictionary token
            guard !dictionary.isEmpty else { return }
            let token = dictionary[random.int(in: 0...dictionary.count - 1)]
            let at = random.int(in: 0...input.count)
            if random.chance(0.5) || at + token.count > input.count {
                input.insert(contentsOf: token, at: at)
            } else {
                input.replaceSubrange(at..<at + token.count, with: token)
            }
        default:  // a random byte
            guard !input.isEmpty else { return }
            input[position(in: input)] = UInt8(truncatingIfNeeded: random.next())
        }
    }

    private mutating func position(in input: [UInt8]) -> Int {
        random.int(in: 0...input.count - 1)
    }

    private mutating func overwriteWord(_ input: inout [UInt8], with word: UInt32) {
        guard input.count >= 4 else { return }
        overwriteWord(&input, with: word, at: (position(in: input) / 4) * 4)
    }

    private func overwriteWord(_ input: inout [UInt8], with word: UInt32, at offset: Int) {
        for index in 0..<4 where offset + index < input.count {
            input[offset + index] = UInt8(truncatingIfNeeded: word >> (8 * UInt32(index)))
        }
    }
}
