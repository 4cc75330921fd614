import Foundation
@_exported import TestSupport
import XCTest

/// Decodes hex (either case, no separators); fails the test on malformed input.
func hex(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> [UInt8] {
    guard let decoded = bytes(hex: text) else {
        XCTFail("malformed hex", file: file, line: line)
        return []
    }
    return decoded
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
