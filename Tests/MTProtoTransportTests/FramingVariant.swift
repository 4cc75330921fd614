import MTProtoCrypto
import MTProtoTransport

/// Every way a tgcron client can frame a connection, with matching framings for both ends.
enum FramingVariant: CaseIterable, CustomStringConvertible {
    case abridged, intermediate, paddedIntermediate, full
    case obfuscatedAbridged, obfuscatedIntermediate, obfuscatedPaddedIntermediate

    /// The framing of the payloads, inside any obfuscation.
    var framing: TransportProtocol {
        switch self {
        case .abridged, .obfuscatedAbridged: .abridged
        case .intermediate, .obfuscatedIntermediate: .intermediate
        case .paddedIntermediate, .obfuscatedPaddedIntermediate: .paddedIntermediate
        case .full: .full
        }
    }

    var isObfuscated: Bool {
        switch self {
        case .abridged, .intermediate, .paddedIntermediate, .full: false
        case .obfuscatedAbridged, .obfuscatedIntermediate, .obfuscatedPaddedIntermediate: true
        }
    }

    /// A received frame may carry up to this many padding bytes after the payload.
    var maxPadding: Int { framing == .paddedIntermediate ? 15 : 0 }

    /// A client framing drawing randomness from a generator seeded with `seed`.
    func client(seed: UInt64) throws(TransportError) -> any TransportFraming {
        let random = SeededRandom(seed: seed)
        if isObfuscated {
            return try ObfuscatedFraming(clientWrapping: framing, random: random)
        }
        return framing.framing(role: .client, random: random)
    }

    /// The matching server framing: the plain framing's server end, or for obfuscation the
    /// autodetecting server (the only server end that can wait for the 64-byte header).
    func server(seed: UInt64) -> any TransportFraming {
        let random = SeededRandom(seed: seed)
        if isObfuscated {
            return AutodetectingServerFraming(random: random)
        }
        return framing.framing(role: .server, random: random)
    }

    var description: String {
        isObfuscated ? "obfuscated \(framing)" : "\(framing)"
    }
}
