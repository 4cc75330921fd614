import MTProtoCrypto
import MTProtoTransport

/// The transport framings' receiving half, fed byte by byte or in random chunks, as TCP delivers.
///
/// Input: a decoder byte (which `TransportDecoder`), a feeding byte (even: byte by byte, odd: random
/// chunks drawn from it; high bit: a 1 KiB frame limit instead of 16 MiB), then the received stream.
struct TransportTarget: FuzzTarget {
    let name = "transport"
    let seeds: [[UInt8]]
    let dictionary: [[UInt8]] = [
        [0xef], [0x7f], [0xff, 0xff, 0xff], [0xee, 0xee, 0xee, 0xee], [0xdd, 0xdd, 0xdd, 0xdd],
        [0, 0, 0, 0], [0x6c, 0xfe, 0xff, 0xff], [0xfe, 0xff, 0xff, 0xff], [0x47, 0x45, 0x54, 0x20], [0x16, 0x03, 0x01],
    ]

    /// Streams carrying payloads of 4 to 1100 bytes in every framing, with both feeding modes.
    init() throws(FuzzError) {
        let payloads = [4, 16, 508, 512, 1100].map { size in (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) } }
        var seeds: [[UInt8]] = []
        for (index, decoder) in TransportDecoder.allCases.enumerated() {
            let stream: [UInt8]
            do {
                stream = try decoder.peerStream(carrying: payloads)
            } catch {
                throw .fixture("transport seed for \(decoder): \(error)")
            }
            seeds.append([UInt8(index), 0] + stream)
            seeds.append([UInt8(index), 0x0b] + stream)
        }
        self.seeds = seeds
    }

    func run(_ input: [UInt8]) -> FuzzOutcome {
        guard input.count >= 2 else { return .rejected(kind: "short input") }
        let decoders = TransportDecoder.allCases
        let decoder = decoders[Int(input[0]) % decoders.count]
        let feeding = input[1]
        var stream = input.dropFirst(2)
        do throws(TransportError) {
            var framing = try decoder.makeDecoder(
                stream: &stream, maxFrameLength: feeding & 0x80 != 0 ? 1024 : TransportLimits.defaultMaxFrameLength)
            var chunks = SeededRandom(seed: UInt64(feeding))
            while !stream.isEmpty {
                let size = feeding % 2 == 0 ? 1 : chunks.int(in: 1...96)
                framing.feed(stream.prefix(size))
                stream = stream.dropFirst(size)
                while try framing.nextFrame() != nil {}
            }
            return .accepted
        } catch {
            return .rejecting(error)
        }
    }
}
