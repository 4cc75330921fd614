import MTProto
import MTProtoTransport

/// How an `MTProtoServer` creates keys, runs sessions and misbehaves.
public struct ServerConfiguration: Sendable {
    /// The server's RSA keys and DH parameters for key exchanges.
    public var keyExchange: ServerKeyExchangeConfiguration
    /// Limits and policies of the encrypted sessions.
    public var session: SessionConfiguration
    /// The largest frame accepted from a client (and sent to it).
    public var maxFrameLength: Int
    /// Injected faults.
    public var faults: ServerFaults

    /// A configuration with `keyExchange`; the rest defaults to the protocol's usual limits and no faults.
    public init(
        keyExchange: ServerKeyExchangeConfiguration,
        session: SessionConfiguration = SessionConfiguration(),
        maxFrameLength: Int = TransportLimits.defaultMaxFrameLength,
        faults: ServerFaults = ServerFaults()
    ) {
        self.keyExchange = keyExchange
        self.session = session
        self.maxFrameLength = maxFrameLength
        self.faults = faults
    }
}
