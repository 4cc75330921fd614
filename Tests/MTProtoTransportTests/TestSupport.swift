import Foundation
import MTProtoCrypto
import MTProtoTransport
@_exported import TestSupport
import XCTest

/// `../shared/vectors/transport.json`, found from this file's path
/// (`<repo>/Tests/MTProtoTransportTests/TestSupport.swift` → `<repo>/../shared/vectors`).
let transportVectorsURL = Vectors.directory.appendingPathComponent("transport.json")

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
