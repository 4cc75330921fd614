import Foundation
@_exported import MTProtoCrypto
import XCTest

/// The published test vectors in `../shared/vectors` beside the repository.
public enum Vectors {
    /// `<repo>/../shared/vectors`, found from this file's path (`<repo>/Tests/TestSupport/Vectors.swift`).
    public static let directory = URL(fileURLWithPath: #filePath)
        .resolvingSymlinksInPath()
        .deletingLastPathComponent()  // TestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository root
        .deletingLastPathComponent()  // its parent, which holds shared/
        .appendingPathComponent("shared/vectors")

    /// Parses `name.json` as a JSON object.
    public static func load(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: directory.appendingPathComponent("\(name).json"))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}

/// Bytes from hex without separators (either case); `nil` if the text is not hex.
public func bytes(hex text: String) -> [UInt8]? {
    let digits = Array(text.utf8)
    guard digits.count % 2 == 0 else { return nil }
    var result: [UInt8] = []
    result.reserveCapacity(digits.count / 2)
    for index in stride(from: 0, to: digits.count, by: 2) {
        guard let high = hexValue(digits[index]), let low = hexValue(digits[index + 1]) else { return nil }
        result.append(high << 4 | low)
    }
    return result
}

/// Lowercase hex of `bytes`, for readable assertion failures.
public func hexString(_ bytes: some Sequence<UInt8>) -> String {
    bytes.map { byte in
        let digits = String(byte, radix: 16)
        return digits.count == 1 ? "0" + digits : digits
    }.joined()
}

private func hexValue(_ digit: UInt8) -> UInt8? {
    switch digit {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
    default: nil
    }
}

extension Dictionary where Key == String, Value == Any {
    /// The string under `key`, failing the test when absent.
    public func string(_ key: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try XCTUnwrap(self[key] as? String, "missing string field \(key)", file: file, line: line)
    }

    /// The hex-decoded bytes under `key`.
    public func bytes(_ key: String, file: StaticString = #filePath, line: UInt = #line) throws -> [UInt8] {
        try XCTUnwrap(TestSupport.bytes(hex: string(key, file: file, line: line)), "bad hex in \(key)",
                      file: file, line: line)
    }

    /// The object under `key`.
    public func object(_ key: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        try XCTUnwrap(self[key] as? [String: Any], "missing object field \(key)", file: file, line: line)
    }

    /// The array of objects under `key`.
    public func objects(_ key: String, file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
        try XCTUnwrap(self[key] as? [[String: Any]], "missing array field \(key)", file: file, line: line)
    }

    /// The integer under `key`, stored as a JSON number or a decimal string.
    public func int64(_ key: String, file: StaticString = #filePath, line: UInt = #line) throws -> Int64 {
        if let number = self[key] as? NSNumber, !(self[key] is String) { return number.int64Value }
        return try XCTUnwrap(Int64(string(key, file: file, line: line)), "not an integer: \(key)", file: file, line: line)
    }

    /// The integer under `key`, stored as a JSON number or a decimal string.
    public func int(_ key: String, file: StaticString = #filePath, line: UInt = #line) throws -> Int {
        Int(try int64(key, file: file, line: line))
    }
}
