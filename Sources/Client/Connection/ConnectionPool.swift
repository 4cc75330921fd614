import Logging
import MTProto
import MTProtoNIO

/// The `MTProtoConnection`s of a client, made on first use: one per data center for calls (lane 0), and
/// dedicated download lanes (1, 2, …) per DC so file parts never queue behind history pages. Every
/// lane of a DC uses the DC's one auth key, kept under its DC id in the session store.
actor ConnectionPool {
    private let configuration: TelegramClientConfiguration
    private let storage: any AuthKeyStorage
    private let logger: Logger
    private var connections: [Lane: MTProtoConnection] = [:]

    /// One connection's place: its DC and lane (0 for calls, 1… for downloads).
    private struct Lane: Hashable {
        let dc: Int
        let number: Int
    }
    private var isClosed = false

    /// A pool connecting as `configuration` says, keys in `storage`, logging to `logger`.
    init(configuration: TelegramClientConfiguration, storage: any AuthKeyStorage, logger: Logger) {
        self.configuration = configuration
        self.storage = storage
        self.logger = logger
    }

    /// Lane `lane` to `address.dc` (0: the DC's call connection), made at `address` if there is none yet.
    func connection(to address: DataCenterAddress, lane: Int = 0) throws(ClientError) -> MTProtoConnection {
        guard !isClosed else { throw ClientError.connection(.closed) }
        let key = Lane(dc: address.dc, number: lane)
        if let existing = connections[key] { return existing }
        var connectionConfiguration = ConnectionConfiguration(
            dataCenterID: address.dc, host: address.host, port: address.port, transport: configuration.transport,
            keyExchange: ClientKeyExchangeConfiguration(
                publicKeys: configuration.endpoints.publicKeys, innerData: .permanent(dc: Int32(address.dc))),
            reconnect: configuration.reconnect, pingInterval: configuration.connectionCheckInterval,
            disconnectDelay: Int32(clamping: configuration.connectionCheckInterval.components.seconds + 15))
        connectionConfiguration.proxy = configuration.proxy
        let connection = MTProtoConnection(configuration: connectionConfiguration, authKeyStorage: storage, logger: logger)
        connections[key] = connection
        logger.info("dialling the server", metadata: [
            "dc": "\(address.dc)", "lane": "\(lane)", "address": "\(address.host):\(address.port)",
            "proxy": "\(configuration.proxy.map(String.init(describing:)) ?? "none")",
        ])
        return connection
    }

    /// Closes every connection and refuses new ones.
    func closeAll() async {
        isClosed = true
        let all = connections.values
        connections = [:]
        for connection in all { await connection.close() }
    }
}
