import MTProtoCrypto

/// The server end of a new connection, before the client has said which framing it speaks: it
/// reads the client's first bytes, chooses the framing, and from then on behaves as that framing.
///
/// The choice, as Telegram's servers make it (see https://core.telegram.org/mtproto/mtproto-transports):
/// first byte 0xef is abridged; first int 0xeeeeeeee intermediate, 0xdddddddd padded intermediate;
/// an HTTP method or TLS handshake is refused; a zero second int (seq_no 0) is full; anything else
/// is a 64-byte obfuscation header whose decrypted tag names the inner framing. It waits, returning
/// `nil` from `nextFrame()`, until it has enough bytes to decide.
public struct AutodetectingServerFraming: TransportFraming {
    /// What the client speaks; `nil` until enough of its bytes arrived.
    public private(set) var detected: DetectedTransport?

    private let random: any RandomSource
    private let maxFrameLength: Int
    private var pending = ByteQueue()
    private var framing: (any TransportFraming)?
    private var failure: TransportError?

    /// A server end that draws padded intermediate padding from `random` and accepts payloads up to
    /// `maxFrameLength` bytes.
    public init(random: some RandomSource, maxFrameLength: Int = TransportLimits.defaultMaxFrameLength) {
        self.random = random
        self.maxFrameLength = maxFrameLength
    }

    /// Appends the frame carrying `payload` in the detected framing. Throws `.protocolNotDetected`
    /// before the client's first bytes chose one (a server never speaks first in MTProto).
    public mutating func encode(_ payload: [UInt8], into out: inout [UInt8]) throws(TransportError) {
        guard framing != nil else { throw .protocolNotDetected }
        try framing?.encode(payload, into: &out)
    }

    /// Adds bytes received from the client.
    public mutating func feed(_ bytes: some Collection<UInt8>) {
        if framing == nil {
            pending.append(contentsOf: bytes)
        } else {
            framing?.feed(bytes)
        }
    }

    /// The next payload received, or `nil` until more bytes arrive (including while detecting).
    public mutating func nextFrame() throws(TransportError) -> [UInt8]? {
        if let failure { throw failure }
        if framing == nil {
            do throws(TransportError) {
                guard try detect() else { return nil }
            } catch {
                failure = error
                throw error
            }
        }
        return try framing?.nextFrame()
    }

    /// How a connection opens.
    private enum Opening {
        /// With the tag of a plain framing (or none, for full).
        case plain(TransportProtocol)
        /// With a 64-byte obfuscation header.
        case obfuscated
    }

    /// Chooses the framing once enough bytes arrived and hands it every byte received so far;
    /// returns false while more bytes are needed.
    private mutating func detect() throws(TransportError) -> Bool {
        guard let opening = try classify() else { return false }
        var chosen: any TransportFraming
        switch opening {
        case .plain(let plain):
            // A plain framing reads and checks its own tag, so it gets the bytes from the first one.
            chosen = plain.framing(role: .server, random: random, maxFrameLength: maxFrameLength)
            detected = DetectedTransport(framing: plain, isObfuscated: false)
        case .obfuscated:
            let header = pending.take(ObfuscationHeader.length)
            let obfuscated = try ObfuscatedFraming(serverHeader: header, random: random, maxFrameLength: maxFrameLength)
            chosen = obfuscated
            detected = DetectedTransport(framing: obfuscated.innerProtocol, isObfuscated: true, dcID: obfuscated.dcID)
        }
        chosen.feed(pending.takeAll())
        framing = chosen
        return true
    }

    /// How the connection opens, judged from the bytes so far; `nil` while undecided.
    private func classify() throws(TransportError) -> Opening? {
        guard pending.count >= 1 else { return nil }
        // A full frame's length cannot start with 0xef: MTProto payloads, and so full frame
        // lengths, are multiples of 4. Telegram's servers rely on the same.
        if pending.byte(at: 0) == 0xef { return .plain(.abridged) }
        guard pending.count >= 4 else { return nil }
        let first = pending.peek(4)
        for plain in [TransportProtocol.intermediate, .paddedIntermediate] where plain.tag?[...] == first {
            return .plain(plain)
        }
        if ObfuscationHeader.isReserved(prefix: first) {
            throw .unknownProtocolTag(UInt32(littleEndianBytes: first))
        }
        guard pending.count >= 8 else { return nil }
        if pending.peek(4, at: 4).allSatisfy({ $0 == 0 }) { return .plain(.full) }
        guard pending.count >= ObfuscationHeader.length else { return nil }
        return .obfuscated
    }
}
