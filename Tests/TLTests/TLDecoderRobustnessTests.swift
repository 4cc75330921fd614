import Foundation
import TL
import TLSchema
import TestSupport
import XCTest

/// Random and mutated bytes fed to the boxed decoders return a value or throw; they never crash.
/// CI runs a small count; `make fuzz-tl` runs 1M (TL_FUZZ_CASES).
final class TLDecoderRobustnessTests: XCTestCase {
    private var caseCount: Int {
        ProcessInfo.processInfo.environment["TL_FUZZ_CASES"].flatMap(Int.init) ?? 30_000
    }

    func testMutatedValidObjectsNeverCrashTheDecoder() throws {
        var builder = SchemaSampleBuilder(definitions: TestSchemas.api)
        let seeds = TestSchemas.api.filter { !$0.isFunction && $0.id != nil && $0.type != .bool }
        let samples = seeds.map { builder.bytes(for: $0, optionals: .allPresent) }
        var random = SeededRandom(seed: 0x7467_6372_6f6e)
        var decoded = 0
        var failed = 0
        for index in 0..<caseCount {
            var bytes = samples[index % samples.count]
            mutate(&bytes, random: &random)
            if decodeAny(bytes) { decoded += 1 } else { failed += 1 }
        }
        XCTAssertEqual(decoded + failed, caseCount)
        XCTAssertGreaterThan(failed, 0, "mutations should break some inputs")
    }

    func testRandomBytesNeverCrashTheDecoder() {
        var random = SeededRandom(seed: 42)
        let ids = TestSchemas.api.compactMap(\.id)
        for _ in 0..<(caseCount / 3) {
            var bytes = (0..<Int(random.next() % 96)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            // Start most inputs with a real constructor id so decoding goes past the first word.
            if random.next() % 4 != 0, let id = ids.randomElement(using: &random) {
                withUnsafeBytes(of: id.littleEndian) { bytes.insert(contentsOf: $0, at: 0) }
            }
            _ = decodeAny(bytes)
        }
    }

    /// Decodes `bytes` as whatever boxed object its first word names; true if it decoded.
    private func decodeAny(_ bytes: [UInt8]) -> Bool {
        var reader = TLReader(bytes)
        guard let id = try? reader.peekUInt32(), let type = Api.objectType(for: id) ?? MT.objectType(for: id) else {
            return false
        }
        return (try? type.init(from: &reader)) != nil
    }

    private func mutate(_ bytes: inout [UInt8], random: inout SeededRandom) {
        guard !bytes.isEmpty else { return }
        switch random.next() % 5 {
        case 0:  // flip bits
            for _ in 0..<(1 + random.next() % 4) {
                let index = Int(random.next() % UInt64(bytes.count))
                bytes[index] ^= UInt8(1 << (random.next() % 8))
            }
        case 1:  // truncate
            bytes.removeLast(Int(random.next() % UInt64(bytes.count)))
        case 2:  // overwrite a word with an extreme value
            let index = Int(random.next() % UInt64(bytes.count))
            let words: [UInt32] = [0xffff_ffff, 0x7fff_ffff, 0x8000_0000, 0, 0x00ff_fffe, TLVectorID.boxed]
            let word = words[Int(random.next() % UInt64(words.count))]
            withUnsafeBytes(of: word.littleEndian) { raw in
                for (offset, byte) in raw.enumerated() where index + offset < bytes.count { bytes[index + offset] = byte }
            }
        case 3:  // duplicate a slice
            let start = Int(random.next() % UInt64(bytes.count))
            let end = min(bytes.count, start + Int(random.next() % 64))
            bytes.insert(contentsOf: bytes[start..<end], at: start)
        default:  // random byte
            bytes[Int(random.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: random.next())
        }
    }
}
