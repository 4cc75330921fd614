import Foundation
import XCTest

/// Shared helpers for the crypto tests: hex conversion and loading the published vectors.
enum Vectors {
    /// `../shared/vectors` next to the repository, found from this file's path
    /// (`<repo>/Tests/MTProtoCryptoTests/TestSupport.swift`).
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // MTProtoCryptoTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository root
        .deletingLastPathComponent()  // its parent, which holds shared/
        .appendingPathComponent("shared/vectors")

    /// Parses `name.json` from the vectors directory as a JSON object.
    static func load(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: directory.appendingPathComponent("\(name).json"))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}

/// Decodes lowercase or uppercase hex without separators; fails the test on malformed input.
func hex(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> [UInt8] {
    let digits = Array(text.utf8)
    guard digits.count % 2 == 0 else {
        XCTFail("odd-length hex", file: file, line: line)
        return []
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(digits.count / 2)
    var index = 0
    while index < digits.count {
        guard let high = hexValue(digits[index]), let low = hexValue(digits[index + 1]) else {
            XCTFail("invalid hex digit", file: file, line: line)
            return []
        }
        bytes.append(high << 4 | low)
        index += 2
    }
    return bytes
}

private func hexValue(_ digit: UInt8) -> UInt8? {
    switch digit {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
    default: nil
    }
}

/// Lowercase hex of `bytes`, for readable assertion failures.
func hexString(_ bytes: some Sequence<UInt8>) -> String {
    bytes.map { String(format: "%02x", $0) }.joined()
}

extension Dictionary where Key == String, Value == Any {
    /// The string under `key`, failing the test when absent.
    func string(_ key: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try XCTUnwrap(self[key] as? String, "missing string field \(key)", file: file, line: line)
    }

    /// The hex-decoded bytes under `key`.
    func bytes(_ key: String, file: StaticString = #filePath, line: UInt = #line) throws -> [UInt8] {
        hex(try string(key, file: file, line: line), file: file, line: line)
    }

    /// The array of objects under `key`.
    func objects(_ key: String, file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
        try XCTUnwrap(self[key] as? [[String: Any]], "missing array field \(key)", file: file, line: line)
    }

    /// The object under `key`.
    func object(_ key: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        try XCTUnwrap(self[key] as? [String: Any], "missing object field \(key)", file: file, line: line)
    }
}

extension Dictionary where Key == String, Value == Any {
    /// The integer under `key`, whether the JSON holds it as a number or as a decimal string.
    func int(_ key: String, file: StaticString = #filePath, line: UInt = #line) throws -> Int {
        if let number = self[key] as? Int { return number }
        return try XCTUnwrap(Int(string(key, file: file, line: line)), "field \(key) is not an integer", file: file, line: line)
    }
}

/// zlib's CRC-32 (reflected polynomial 0xEDB88320), which tdlib's AES-IGE test reports.
func crc32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
        crc ^= UInt32(byte)
        for _ in 0..<8 {
            crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1
        }
    }
    return ~crc
}

/// Bytes 0, 1, 2, … `count - 1` (as UInt8), the generator several published vectors use.
func sequentialBytes(_ count: Int, from start: Int = 0) -> [UInt8] {
    (0..<count).map { UInt8(truncatingIfNeeded: start + $0) }
}
