/// A framing that keeps received bytes in a queue and cuts payloads out of it: the receiving half that
/// the plain framings share. `feed` appends; `nextFrame` decodes, and after an error keeps throwing it,
/// since a stream that lost its framing cannot be trusted again.
protocol BufferedFraming: TransportFraming {
    /// Bytes received and not yet cut into payloads.
    var inbound: ByteQueue { get set }
    /// The error that broke the stream, if one did.
    var failure: TransportError? { get set }
    /// The next payload in `inbound`, or nil when it holds no complete one yet.
    mutating func decode() throws(TransportError) -> [UInt8]?
}

extension BufferedFraming {
    /// Adds bytes received from the peer.
    public mutating func feed(_ bytes: some Collection<UInt8>) {
        inbound.append(contentsOf: bytes)
    }

    /// The next payload received, or `nil` until more bytes arrive.
    public mutating func nextFrame() throws(TransportError) -> [UInt8]? {
        if let failure { throw failure }
        do throws(TransportError) {
            return try decode()
        } catch {
            failure = error
            throw error
        }
    }
}
