import MTProtoCrypto
import MTProtoTransport

/// The transport decoders under test: every framing at each end, the server's autodetection, and
/// obfuscation at both ends. Each builds a fresh decoder (deterministic) and the matching encoder
/// for the other end, which the seeds come from.
enum TransportDecoder: CaseIterable {
    case autodetectingServer
    case server(TransportProtocol)
    case obfuscatedServer(TransportProtocol)
    case client(TransportProtocol)
    case obfuscatedClient(TransportProtocol)

    static var allCases: [TransportDecoder] {
        let tagged: [TransportProtocol] = [.abridged, .intermediate, .paddedIntermediate]
        return [.autodetectingServer]
            + TransportProtocol.allCases.map(TransportDecoder.server) + tagged.map(TransportDecoder.obfuscatedServer)
            + TransportProtocol.allCases.map(TransportDecoder.client) + tagged.map(TransportDecoder.obfuscatedClient)
    }

    /// The seed of every obfuscated client, so that a fresh client decodes what the seeds' server sent.
    private static let clientSeed: UInt64 = 0x0bf5_c47e

    /// The bytes the other end sends to carry `payloads`, as this decoder expects them.
    func peerStream(carrying payloads: [[UInt8]]) throws(TransportError) -> [UInt8] {
        var stream: [UInt8] = []
        switch self {
        case .autodetectingServer:
            var client = try ObfuscatedFraming(clientWrapping: .paddedIntermediate, random: SeededRandom(seed: 5))
            for payload in payloads { try client.encode(payload, into: &stream) }
        case .server(let kind):
            var client = kind.framing(role: .client, random: SeededRandom(seed: 6))
            for payload in payloads { try client.encode(payload, into: &stream) }
        case .obfuscatedServer(let kind):
            var client = try ObfuscatedFraming(clientWrapping: kind, random: SeededRandom(seed: 7))
            for payload in payloads { try client.encode(payload, into: &stream) }
        case .client(let kind):
            // A server answers only after the client spoke: open with the client's tag.
            var server = kind.framing(role: .server, random: SeededRandom(seed: 8))
            var client = kind.framing(role: .client, random: SeededRandom(seed: 9))
            let opening = try client.encode([0, 0, 0, 0])
            server.feed(opening)
            _ = try server.nextFrame()
            for payload in payloads { try server.encode(payload, into: &stream) }
        case .obfuscatedClient(let kind):
            var client = try ObfuscatedFraming(clientWrapping: kind, random: SeededRandom(seed: Self.clientSeed))
            let opening = try client.encode([0, 0, 0, 0])
            var server = try ObfuscatedFraming(serverHeader: Array(opening.prefix(64)), random: SeededRandom(seed: 10))
            for payload in payloads { try server.encode(payload, into: &stream) }
        }
        return stream
    }

    /// A fresh decoder; `stream` is the input, from which an obfuscated server takes its 64-byte header.
    func makeDecoder(stream: inout ArraySlice<UInt8>, maxFrameLength: Int) throws(TransportError) -> any TransportFraming {
        switch self {
        case .autodetectingServer:
            return AutodetectingServerFraming(random: SeededRandom(seed: 11), maxFrameLength: maxFrameLength)
        case .server(let kind):
            return kind.framing(role: .server, random: SeededRandom(seed: 12), maxFrameLength: maxFrameLength)
        case .obfuscatedServer:
            let header = Array(stream.prefix(64))
            stream = stream.dropFirst(64)
            return try ObfuscatedFraming(serverHeader: header, random: SeededRandom(seed: 13), maxFrameLength: maxFrameLength)
        case .client(let kind):
            return kind.framing(role: .client, random: SeededRandom(seed: 14), maxFrameLength: maxFrameLength)
        case .obfuscatedClient(let kind):
            return try ObfuscatedFraming(clientWrapping: kind, random: SeededRandom(seed: Self.clientSeed),
                                         maxFrameLength: maxFrameLength)
        }
    }
}
