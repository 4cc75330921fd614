import MTProtoCrypto
import MTProtoTransport
import XCTest

/// Seeded random and mutated byte streams never crash a decoder, and every failure is a typed error
/// that stays final.
final class FuzzTests: XCTestCase {
    func testAutodetectingServerSurvivesTwentyThousandRandomAndMutatedStreams() throws {
        var random = SeededRandom(seed: 0x7467_6372_6f6e)
        let corpus = try FramingVariant.allCases.enumerated().map { index, variant in
            var client = try variant.client(seed: UInt64(index))
            var stream: [UInt8] = []
            for size in [4, 16, 508, 512] {
                try client.encode(samplePayload(size), into: &stream)
            }
            return stream
        }

        var frames = 0
        var errors = 0
        for iteration in 0..<20_000 {
            let input = Self.mutatedInput(iteration: iteration, corpus: corpus, random: &random)
            var server = AutodetectingServerFraming(
                random: SeededRandom(seed: UInt64(iteration)),
                maxFrameLength: iteration % 2 == 0 ? 1024 : TransportLimits.defaultMaxFrameLength)
            do {
                frames += try receive(input, into: &server, chunking: .random(seed: UInt64(iteration))).count
            } catch {
                errors += 1
                let again = transportError { () throws(TransportError) in try server.nextFrame() }
                XCTAssertEqual(again, error, "iteration \(iteration): the error must be final")
            }
        }
        // Both outcomes must be common, or the inputs are not exercising the decoders.
        XCTAssertGreaterThan(frames, 1000)
        XCTAssertGreaterThan(errors, 1000)
    }

    func testClientDecodersSurviveRandomStreams() throws {
        var random = SeededRandom(seed: 0x636c_6965_6e74)
        for iteration in 0..<2_000 {
            let input = random.bytes(random.int(in: 0...600))
            for variant in FramingVariant.allCases {
                var client = try variant.client(seed: UInt64(iteration))
                _ = transportError { () throws(TransportError) in
                    try receive(input, into: &client, chunking: .random(seed: UInt64(iteration)))
                }
            }
        }
    }

    /// Cycles through four kinds of input: pure noise; a valid stream with a few bytes flipped;
    /// a valid stream cut short, spliced or with a range deleted; a valid opening followed by noise.
    private static func mutatedInput(iteration: Int, corpus: [[UInt8]], random: inout SeededRandom) -> [UInt8] {
        var input = corpus[random.int(in: 0...corpus.count - 1)]
        switch iteration % 4 {
        case 0:
            return random.bytes(random.int(in: 0...300))
        case 1:
            for _ in 0..<random.int(in: 1...8) {
                input[random.int(in: 0...input.count - 1)] ^= UInt8(random.int(in: 1...255))
            }
            return input
        case 2:
            let cut = random.int(in: 0...input.count - 1)
            switch random.int(in: 0...2) {
            case 0: return Array(input.prefix(cut))
            case 1: return Array(input.prefix(cut)) + random.bytes(random.int(in: 1...64)) + input.dropFirst(cut)
            default: return Array(input.prefix(cut)) + input.dropFirst(min(input.count, cut + random.int(in: 1...64)))
            }
        default:
            let openings: [[UInt8]] = [[0xef], [0xee, 0xee, 0xee, 0xee], [0xdd, 0xdd, 0xdd, 0xdd], [0x20, 0, 0, 0, 0, 0, 0, 0]]
            return openings[random.int(in: 0...openings.count - 1)] + random.bytes(random.int(in: 0...300))
        }
    }
}
