import Foundation
import MTProtoCrypto
import TL
import XCTest

/// Loading the published vectors in `../shared/vectors`.
enum Vectors {
    /// `../shared/vectors` next to the repository, found from this file's path
    /// (`<repo>/Tests/MTProtoTests/TestSupport.swift`).
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // MTProtoTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository root
        .deletingLastPathComponent()  // its parent, which holds shared/
        .appendingPathComponent("shared/vectors")

    /// Parses `name.json` as a JSON object.
    static func load(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: directory.appendingPathComponent("\(name).json"))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}

extension Dictionary where Key == String, Value == Any {
    /// The string under `key`.
    func string(_ key: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try XCTUnwrap(self[key] as? String, "missing string field \(key)", file: file, line: line)
    }

    /// The hex-decoded bytes under `key`.
    func bytes(_ key: String, file: StaticString = #filePath, line: UInt = #line) throws -> [UInt8] {
        try XCTUnwrap(TLHex.decode(string(key, file: file, line: line)), "bad hex in \(key)", file: file, line: line)
    }

    /// The object under `key`.
    func object(_ key: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        try XCTUnwrap(self[key] as? [String: Any], "missing object field \(key)", file: file, line: line)
    }

    /// The array of objects under `key`.
    func objects(_ key: String, file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
        try XCTUnwrap(self[key] as? [[String: Any]], "missing array field \(key)", file: file, line: line)
    }

    /// The integer under `key`, stored as a JSON number or a decimal string.
    func int64(_ key: String, file: StaticString = #filePath, line: UInt = #line) throws -> Int64 {
        if let number = self[key] as? NSNumber { return number.int64Value }
        return try XCTUnwrap(Int64(string(key, file: file, line: line)), "not an integer: \(key)", file: file, line: line)
    }
}

/// Hex of `bytes`, for readable assertion failures.
func hexString(_ bytes: some Sequence<UInt8>) -> String {
    TLHex.encode(bytes)
}

/// A deterministic random source (SplitMix64) so every run of a test sees the same bytes.
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

    mutating func fill(_ buffer: UnsafeMutableRawBufferPointer) {
        var index = 0
        while index < buffer.count {
            var word = next()
            for _ in 0..<8 where index < buffer.count {
                buffer[index] = UInt8(truncatingIfNeeded: word)
                word >>= 8
                index += 1
            }
        }
    }

    /// A uniformly chosen integer in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }
}

/// Wraps a random source and keeps every draw, so a test can recover secrets such as new_nonce.
struct RecordingRandom<Base: RandomSource>: RandomSource {
    var base: Base
    private(set) var draws: [[UInt8]] = []

    init(_ base: Base) {
        self.base = base
    }

    mutating func fill(_ buffer: UnsafeMutableRawBufferPointer) {
        base.fill(buffer)
        draws.append(Array(buffer))
    }
}

/// One RSA key pair for all tests of a run: generating 2048-bit keys is slow.
enum TestKeys {
    static let server: RSAPrivateKey = {
        do {
            return try RSAPrivateKey.generate()
        } catch {
            fatalError("cannot generate the test RSA key: \(error)")
        }
    }()
}
