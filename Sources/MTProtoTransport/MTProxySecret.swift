/// An MTProxy secret: 16 bytes that the client hashes into both obfuscation keys, and the form of
/// transport the proxy expects.
///
/// Forms (Source: https://core.telegram.org/mtproto/mtproto-transports#transport-obfuscation and tdlib
/// td/mtproto/ProxySecret.cpp): 32 hex digits are a plain secret (any obfuscated framing); `dd` followed by
/// 32 hex digits asks for padded intermediate, so the packet sizes tell nothing; `ee` followed by 32 hex digits
/// and a host name is fake TLS, which tgcron does not speak.
public struct MTProxySecret: Sendable, Hashable, CustomStringConvertible {
    /// The 16 bytes hashed into the keys.
    public let key: [UInt8]
    /// Whether the proxy demands padded intermediate (the `dd` prefix).
    public let requiresPadding: Bool

    /// Why a secret cannot be used.
    public enum ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        /// Not hexadecimal digits.
        case notHex
        /// A length that is none of the forms.
        case wrongLength(bytes: Int)
        /// A fake-TLS (`ee`) secret, which tgcron does not support.
        case fakeTLS

        /// The problem, without the secret.
        public var description: String {
            switch self {
            case .notHex: "the secret must be hexadecimal digits"
            case .wrongLength(let bytes):
                "the secret must be 16 bytes (32 hex digits), or 'dd' and 16 bytes; got \(bytes) bytes"
            case .fakeTLS: "fake-TLS secrets (starting with 'ee') are not supported; use a 'dd' secret of the proxy"
            }
        }
    }

    /// The secret written as hex, as MTProxy links carry it.
    public init(hex: String) throws(ParseError) {
        let digits = Array(hex.utf8)
        guard digits.count.isMultiple(of: 2), !digits.isEmpty else { throw .notHex }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = Self.nibble(digits[index]), let low = Self.nibble(digits[index + 1]) else { throw .notHex }
            bytes.append(high << 4 | low)
        }
        if bytes.count > 16, bytes[0] == 0xee { throw .fakeTLS }
        switch bytes.count {
        case 16: (key, requiresPadding) = (bytes, false)
        case 17 where bytes[0] == 0xdd: (key, requiresPadding) = (Array(bytes[1...]), true)
        default: throw .wrongLength(bytes: bytes.count)
        }
    }

    /// Never the secret itself: it grants use of the proxy.
    public var description: String {
        requiresPadding ? "dd-secret (hidden)" : "secret (hidden)"
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
