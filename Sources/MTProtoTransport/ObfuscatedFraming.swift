import MTProtoCrypto

/// Transport obfuscation around abridged, intermediate or padded intermediate: a 64-byte header
/// opens the connection, then every byte in each direction is XORed with its own AES-256-CTR
/// keystream, so the stream has no recognisable pattern for a middlebox.
/// Source: https://core.telegram.org/mtproto/mtproto-transports#transport-obfuscation
///
/// Through an MTProxy, the client puts the DC id in the header and hashes the proxy's secret into both keys.
public struct ObfuscatedFraming: TransportFraming {
    /// The framing carried inside the obfuscation.
    public let innerProtocol: TransportProtocol
    /// The DC id in the header: what a client put there, or what a server read there (which is
    /// random unless the client sent one, as MTProxy clients do). `nil` on a client that sent none.
    public let dcID: Int16?

    private var inner: any TransportFraming
    private var pendingHeader: [UInt8]?
    private var send: AESCTR
    private var receive: AESCTR

    /// A client framing carrying `inner`, with a header drawn from `random` and, for MTProxy, `dcID`
    /// (negative for media DCs, plus 10000 for test DCs) and the proxy's `secret` (its 16 key bytes). The
    /// header goes out with the first frame. Throws `.obfuscationNeedsTaggedProtocol` for the full framing,
    /// which has no tag to put in it.
    public init(
        clientWrapping inner: TransportProtocol,
        random: some RandomSource,
        dcID: Int16? = nil,
        secret: [UInt8]? = nil,
        maxFrameLength: Int = TransportLimits.defaultMaxFrameLength
    ) throws(TransportError) {
        guard let tag = inner.obfuscationTag else { throw .obfuscationNeedsTaggedProtocol }
        var random = random
        var header = ObfuscationHeader.make(tag: tag, dcID: dcID, random: &random)
        (send, receive) = try ObfuscationHeader.ciphers(for: header, role: .client, secret: secret)
        // The whole header goes through the send keystream (so frames start at keystream offset 64),
        // but only its tag and DC id travel encrypted: the server derives the keys from the rest.
        var encrypted = header
        send.apply(&encrypted)
        let secret = ObfuscationHeader.encryptedRange
        header.replaceSubrange(secret, with: encrypted[secret])
        pendingHeader = header
        innerProtocol = inner
        self.dcID = dcID
        self.inner = inner.framing(role: .client, random: random, maxFrameLength: maxFrameLength, tagInStream: false)
    }

    /// A server framing for a connection that began with `header`, its first 64 bytes. Throws
    /// `.invalidLength` if `header` is not 64 bytes and `.unknownProtocolTag` if the decrypted tag
    /// names no framing. `random` supplies padded intermediate padding.
    public init(
        serverHeader header: [UInt8],
        random: some RandomSource,
        maxFrameLength: Int = TransportLimits.defaultMaxFrameLength
    ) throws(TransportError) {
        guard header.count == ObfuscationHeader.length else { throw .invalidLength(header.count) }
        (send, receive) = try ObfuscationHeader.ciphers(for: header, role: .server)
        var decrypted = header
        receive.apply(&decrypted)
        let tag = decrypted[ObfuscationHeader.tagRange]
        guard let inner = TransportProtocol(obfuscationTag: tag) else {
            throw .unknownProtocolTag(UInt32(littleEndianBytes: tag))
        }
        let dc = decrypted[ObfuscationHeader.dcIDRange]
        dcID = Int16(bitPattern: UInt16(dc[dc.startIndex]) | UInt16(dc[dc.startIndex + 1]) << 8)
        innerProtocol = inner
        self.inner = inner.framing(role: .server, random: random, maxFrameLength: maxFrameLength, tagInStream: false)
    }

    /// Appends the encrypted frame carrying `payload`, after the header on a client's first call.
    public mutating func encode(_ payload: [UInt8], into out: inout [UInt8]) throws(TransportError) {
        let headerStart = out.count
        if let pendingHeader { out.append(contentsOf: pendingHeader) }
        let frameStart = out.count
        do {
            try inner.encode(payload, into: &out)
        } catch {
            out.removeSubrange(headerStart...)
            throw error
        }
        pendingHeader = nil
        out.withUnsafeMutableBytes { bytes in
            send.apply(UnsafeMutableRawBufferPointer(rebasing: bytes[frameStart...]))
        }
    }

    /// Decrypts bytes received from the peer and passes them to the inner framing.
    public mutating func feed(_ bytes: some Collection<UInt8>) {
        var plain = Array(bytes)
        receive.apply(&plain)
        inner.feed(plain)
    }

    /// The next payload received, or `nil` until more bytes arrive.
    public mutating func nextFrame() throws(TransportError) -> [UInt8]? {
        try inner.nextFrame()
    }
}
