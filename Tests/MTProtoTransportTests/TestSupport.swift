import Foundation
import MTProtoCrypto
import MTProtoTransport
import XCTest

/// `../shared/vectors/transport.json`, found from this file's path
/// (`<repo>/Tests/MTProtoTransportTests/TestSupport.swift` → `<repo>/../shared/vectors`).
let transportVectorsURL = URL(fileURLWithPath: #filePath)
    .resolvingSymlinksInPath()
    .deletingLastPathComponent()  // MTProtoTransportTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // repository root
    .deletingLastPathComponent()  // its parent, which holds shared/
    .appendingPathComponent("shared/vectors/transport.json")

/// Bytes from hex without separators; `nil` if the text is not hex.
func bytes(hex text: String) -> [UInt8]? {
    let digits = Array(text.utf8)
    guard digits.count % 2 == 0 else { return nil }
    var result: [UInt8] = []
    result.reserveCapacity(digits.count / 2)
    for index in stride(from: 0, to: digits.count, by: 2) {
        guard let pair = UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16) else {
            return nil
        }
        result.append(pair)
    }
    return result
}

/// A deterministic `RandomSource` (SplitMix64), so every "random" test input is reproducible.
struct SeededRandom: RandomSource {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func fill(_ buffer: UnsafeMutableRawBufferPointer) {
        for index in buffer.indices {
            buffer[index] = UInt8(truncatingIfNeeded: next())
        }
    }
}

/// How received bytes are split into `feed` calls, as TCP may deliver them.
enum Chunking: CustomStringConvertible {
    /// Everything in one call, so several frames arrive coalesced.
    case coalesced
    /// One byte per call.
    case singleBytes
    /// Chunks of seeded random sizes from 1 to 4096 bytes.
    case random(seed: UInt64)

    /// `bytes` cut into chunks.
    func chunks(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        switch self {
        case .coalesced:
            return [bytes[...]]
        case .singleBytes:
            return bytes.indices.map { bytes[$0...$0] }
        case .random(let seed):
            var random = SeededRandom(seed: seed)
            var result: [ArraySlice<UInt8>] = []
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + random.int(in: 1...4096))
                result.append(bytes[start..<end])
                start = end
            }
            return result
        }
    }

    var description: String {
        switch self {
        case .coalesced: "coalesced"
        case .singleBytes: "1-byte chunks"
        case .random(let seed): "random chunks (seed \(seed))"
        }
    }
}

/// Feeds `bytes` to `framing` in `chunking`'s chunks, asking for frames after every chunk, and
/// returns the frames in order.
func receive(
    _ bytes: [UInt8], into framing: inout some TransportFraming, chunking: Chunking
) throws(TransportError) -> [[UInt8]] {
    var frames: [[UInt8]] = []
    for chunk in chunking.chunks(of: bytes) {
        framing.feed(chunk)
        while let frame = try framing.nextFrame() {
            frames.append(frame)
        }
    }
    return frames
}

/// The error `body` throws, or `nil` if it throws none.
func transportError<T>(_ body: () throws(TransportError) -> T) -> TransportError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error
    }
}

/// Deterministic payload bytes of `count` bytes; the first int is positive, so a 4-byte payload is
/// never mistaken for a transport error report.
func samplePayload(_ count: Int) -> [UInt8] {
    (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
}
