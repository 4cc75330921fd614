import MTProtoCrypto
import MTProtoTransport

/// How a client frames its byte stream: one of the four MTProto framings, optionally inside
/// transport obfuscation (which only the tagged framings support, so obfuscated full cannot be made).
public struct ClientTransport: Sendable, Hashable, CustomStringConvertible {
    /// The framing of the payloads.
    public let framing: TransportProtocol
    /// Whether the stream is wrapped in transport obfuscation.
    public let isObfuscated: Bool

    private init(framing: TransportProtocol, isObfuscated: Bool) {
        self.framing = framing
        self.isObfuscated = isObfuscated
    }

    /// `framing` without obfuscation.
    public static func plain(_ framing: TransportProtocol) -> ClientTransport {
        ClientTransport(framing: framing, isObfuscated: false)
    }

    /// Obfuscated abridged.
    public static let obfuscatedAbridged = ClientTransport(framing: .abridged, isObfuscated: true)
    /// Obfuscated intermediate.
    public static let obfuscatedIntermediate = ClientTransport(framing: .intermediate, isObfuscated: true)
    /// Obfuscated padded intermediate, what Telegram's own apps use.
    public static let obfuscatedPaddedIntermediate = ClientTransport(framing: .paddedIntermediate, isObfuscated: true)

    /// A fresh client framing for one connection; throws only if the obfuscation cipher cannot be set up.
    /// Through an MTProxy, the stream is obfuscated whatever this transport says (padded intermediate for a
    /// `dd` secret), keyed with the proxy's secret, with `dcID` in the header so the proxy knows where to relay.
    func makeFraming(
        random: some RandomSource, maxFrameLength: Int, mtproxy secret: MTProxySecret? = nil, dcID: Int16 = 0
    ) throws(TransportError) -> any TransportFraming {
        if let secret {
            let inner: TransportProtocol = secret.requiresPadding ? .paddedIntermediate
                : (framing == .full ? .intermediate : framing)
            return try ObfuscatedFraming(
                clientWrapping: inner, random: random, dcID: dcID, secret: secret.key, maxFrameLength: maxFrameLength)
        }
        guard isObfuscated else {
            return framing.framing(role: .client, random: random, maxFrameLength: maxFrameLength)
        }
        return try ObfuscatedFraming(clientWrapping: framing, random: random, maxFrameLength: maxFrameLength)
    }

    /// The framing's name, prefixed with "obfuscated" when it is.
    public var description: String {
        isObfuscated ? "obfuscated \(framing)" : "\(framing)"
    }
}
