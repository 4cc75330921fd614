import MTProto
import MTProtoTransport

/// Where and how an `MTProtoConnection` talks to one data center.
public struct ConnectionConfiguration: Sendable {
    /// The data center id, under which the auth key is stored.
    public var dataCenterID: Int
    /// The host name or address to connect to.
    public var host: String
    /// The TCP port.
    public var port: Int
    /// The framing of the byte stream.
    public var transport: ClientTransport
    /// The server keys and inner-data form for creating an auth key when none is stored.
    public var keyExchange: ClientKeyExchangeConfiguration
    /// Limits and policies of the encrypted session.
    public var session: SessionConfiguration
    /// When and how often to reconnect after losing the link.
    public var reconnect: ReconnectPolicy
    /// How often to send `ping_delay_disconnect`; a ping still unanswered at the next one drops the link.
    public var pingInterval: Duration
    /// The `disconnect_delay` sent with each ping: the server closes the connection if no further
    /// ping arrives within this many seconds.
    public var disconnectDelay: Int32
    /// How long received messages may wait for an acknowledgement when nothing else is sent.
    public var ackInterval: Duration
    /// How long a TCP connect may take.
    public var connectTimeout: Duration
    /// How long a key exchange may take once connected.
    public var keyExchangeTimeout: Duration
    /// The largest frame accepted from the server (and sent to it).
    public var maxFrameLength: Int
    /// How many unconsumed updates `MTProtoConnection.updates` buffers; older ones are dropped.
    public var updateBufferSize: Int
    /// How many links in a row the server must answer -404 ("unknown auth key") before the key is retired
    /// and a new one made. One -404 proves nothing: it is 4 unauthenticated bytes anyone on the path can
    /// inject, or a restarting server sends.
    public var keyRejectionsBeforeNewKey: Int
    /// The proxy to reach the data center through, or nil to connect directly.
    public var proxy: ConnectionProxy?

    /// A configuration for data center `dataCenterID` at `host`:`port`; the defaults ping every
    /// 60 s with a 75 s disconnect delay (as Telegram's apps do) and acknowledge within 1 s.
    public init(
        dataCenterID: Int,
        host: String,
        port: Int,
        transport: ClientTransport = .obfuscatedPaddedIntermediate,
        keyExchange: ClientKeyExchangeConfiguration,
        session: SessionConfiguration = SessionConfiguration(),
        reconnect: ReconnectPolicy = ReconnectPolicy(),
        pingInterval: Duration = .seconds(60),
        disconnectDelay: Int32 = 75,
        ackInterval: Duration = .seconds(1),
        connectTimeout: Duration = .seconds(10),
        keyExchangeTimeout: Duration = .seconds(20),
        maxFrameLength: Int = TransportLimits.defaultMaxFrameLength,
        updateBufferSize: Int = 1000,
        keyRejectionsBeforeNewKey: Int = 3
    ) {
        self.dataCenterID = dataCenterID
        self.host = host
        self.port = port
        self.transport = transport
        self.keyExchange = keyExchange
        self.session = session
        self.reconnect = reconnect
        self.pingInterval = pingInterval
        self.disconnectDelay = disconnectDelay
        self.ackInterval = ackInterval
        self.connectTimeout = connectTimeout
        self.keyExchangeTimeout = keyExchangeTimeout
        self.maxFrameLength = maxFrameLength
        self.updateBufferSize = updateBufferSize
        self.keyRejectionsBeforeNewKey = max(1, keyRejectionsBeforeNewKey)
    }

    /// The secret of the MTProxy the connection goes through, if it does.
    var mtproxySecret: MTProxySecret? {
        if case .mtproxy(_, _, let secret) = proxy { secret } else { nil }
    }

    /// The largest request body that fits one frame once encrypted: the frame limit less the
    /// 24-byte key id and msg_key, the 32-byte inner header and up to 1024 bytes of padding.
    var maximumRequestSize: Int {
        maxFrameLength - 24 - 32 - 1024
    }
}
