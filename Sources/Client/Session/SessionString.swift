import Foundation
import MTProtoCrypto

/// A portable login: the home DC, the user id and, for each DC, its address and auth key, as one line
/// of base64url text that another machine can import to call without logging in again.
///
/// Layout (integers big-endian): version (1 byte, currently 1), home DC (Int32), user id (Int64),
/// DC count (1 byte), then per DC its id (Int32), port (UInt16), host length (1 byte) and UTF-8 host,
/// and the 256-byte auth key; last, the first 4 bytes of the SHA-256 of everything before them.
///
/// The text is as secret as the auth keys it holds: `description` is redacted.
public struct SessionString: Sendable, Equatable, CustomStringConvertible {
    /// One data center the session can reach with its key.
    public struct DataCenter: Sendable, Equatable {
        /// Where the DC listens.
        public var address: DataCenterAddress
        /// The 256-byte auth key. Secret.
        public var authKey: [UInt8]

        /// A DC entry.
        public init(address: DataCenterAddress, authKey: [UInt8]) {
            self.address = address
            self.authKey = authKey
        }
    }

    /// The format version written.
    public static let currentVersion = 1
    /// The length of an MTProto auth key.
    static let authKeyLength = 256
    private static let checksumLength = 4

    /// The account's home DC.
    public var homeDC: Int
    /// The logged-in user's id.
    public var userID: Int64
    /// The DCs with their keys.
    public var dataCenters: [DataCenter]

    /// A session string's content.
    public init(homeDC: Int, userID: Int64, dataCenters: [DataCenter]) {
        self.homeDC = homeDC
        self.userID = userID
        self.dataCenters = dataCenters
    }

    /// Reads `text` (surrounding whitespace ignored).
    public init(_ text: String) throws(SessionStringError) {
        var base64 = text.trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64) else { throw .notBase64 }
        let bytes = [UInt8](data)
        guard let version = bytes.first else { throw .truncated }
        guard Int(version) == Self.currentVersion else { throw .unknownVersion(Int(version)) }
        guard bytes.count > Self.checksumLength + 1 else { throw .truncated }
        let content = Array(bytes.dropLast(Self.checksumLength))
        guard Array(Hash.sha256(content).prefix(Self.checksumLength)) == Array(bytes.suffix(Self.checksumLength)) else {
            throw .checksumMismatch
        }
        var reader = ByteReader(bytes: content, offset: 1)
        homeDC = Int(try reader.int32())
        userID = try reader.int64()
        let count = Int(try reader.byte())
        var dataCenters: [DataCenter] = []
        for _ in 0..<count {
            let dc = Int(try reader.int32())
            let port = Int(try reader.uint16())
            let hostBytes = try reader.bytes(Int(try reader.byte()))
            guard let host = String(validating: hostBytes, as: UTF8.self), !host.isEmpty else { throw .malformed("a host is not text") }
            let key = try reader.bytes(Self.authKeyLength)
            dataCenters.append(DataCenter(address: DataCenterAddress(dc: dc, host: host, port: port), authKey: key))
        }
        guard reader.isAtEnd else { throw .malformed("unexpected bytes after the last data center") }
        self.dataCenters = dataCenters
    }

    /// The base64url text (without padding).
    public var text: String {
        var bytes: [UInt8] = [UInt8(Self.currentVersion)]
        bytes += Self.bigEndian(UInt32(truncatingIfNeeded: homeDC))
        bytes += Self.bigEndian(UInt64(bitPattern: userID))
        let entries = dataCenters.prefix(Int(UInt8.max))
        bytes.append(UInt8(entries.count))
        for entry in entries {
            let host = Array(entry.address.host.utf8.prefix(Int(UInt8.max)))
            bytes += Self.bigEndian(UInt32(truncatingIfNeeded: entry.address.dc))
            bytes += Self.bigEndian(UInt16(truncatingIfNeeded: entry.address.port))
            bytes.append(UInt8(host.count))
            bytes += host
            bytes += entry.authKey
        }
        bytes += Hash.sha256(bytes).prefix(Self.checksumLength)
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// A redacted summary: the home DC and how many keys, never the keys.
    public var description: String {
        "SessionString(home dc \(homeDC), \(dataCenters.count) keys, redacted)"
    }

    private static func bigEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian) { Array($0) }
    }
}

/// Reads big-endian integers and byte runs off a buffer, throwing `.truncated` past its end.
private struct ByteReader {
    let bytes: [UInt8]
    var offset: Int

    var isAtEnd: Bool { offset == bytes.count }

    mutating func bytes(_ count: Int) throws(SessionStringError) -> [UInt8] {
        guard count >= 0, bytes.count - offset >= count else { throw .truncated }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func byte() throws(SessionStringError) -> UInt8 {
        try bytes(1)[0]
    }

    mutating func uint16() throws(SessionStringError) -> UInt16 {
        try bytes(2).reduce(0) { $0 << 8 | UInt16($1) }
    }

    mutating func int32() throws(SessionStringError) -> Int32 {
        Int32(bitPattern: try bytes(4).reduce(0) { $0 << 8 | UInt32($1) })
    }

    mutating func int64() throws(SessionStringError) -> Int64 {
        Int64(bitPattern: try bytes(8).reduce(0) { $0 << 8 | UInt64($1) })
    }
}
