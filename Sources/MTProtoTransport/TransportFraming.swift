/// One MTProto transport framing for one connection, used by either end: payloads in, bytes out for
/// sending; received bytes in, payloads out. It never touches a socket or a clock.
///
/// The receiving half accepts the byte stream in chunks of any size, as TCP delivers it: feed every
/// chunk with `feed(_:)`, then call `nextFrame()` until it returns `nil` (it needs more bytes).
public protocol TransportFraming {
    /// Appends to `out` the bytes that carry `payload` to the peer, preceded on a client's first call
    /// by whatever opens the connection (a protocol tag or an obfuscation header).
    mutating func encode(_ payload: [UInt8], into out: inout [UInt8]) throws(TransportError)

    /// Adds bytes received from the peer, in stream order.
    mutating func feed(_ bytes: some Collection<UInt8>)

    /// The next complete payload received, or `nil` until more bytes are fed. After an error the
    /// framing is broken and keeps throwing that error.
    mutating func nextFrame() throws(TransportError) -> [UInt8]?
}

extension TransportFraming {
    /// The bytes that carry `payload` to the peer (see `encode(_:into:)`).
    public mutating func encode(_ payload: [UInt8]) throws(TransportError) -> [UInt8] {
        var out: [UInt8] = []
        try encode(payload, into: &out)
        return out
    }
}
