import Logging
import MTProto
import MTProtoNIO

/// One `MTProtoConnection` per data center, made on first use, each keeping its auth key under its
/// DC id in the session store.
actor ConnectionPool {
    private let configuration: TelegramClientConfiguration
    private let storage: any AuthKeyStorage
    private let logger: Logger
    private var connections: [Int: MTProtoConnection] = [:]
    private var isClosed = false

    /// A pool connecting as `configuration` says, keys in `storage`, logging to `logger`.
    init(configuration: TelegramClientConfiguration, storage: any AuthKeyStorage, logger: Logger) {
        self.configuration = configuration
        self.storage = storage
        self.logger = logger
    }

    /// The connection to `address.dc`, made at `address` if there is none yet.
    func connection(to address: DataCenterAddress) throws(ClientError) -> MTProtoConnection {
        guard !isClosed else { throw ClientError.connection(.closed) }
        if let existing = connections[address.dc] { return existing }
        let connection = MTProtoConnection(
            configuration: ConnectionConfiguration(
                dataCenterID: address.dc, host: address.host, port: address.port, transport: configuration.transport,
                keyExchange: ClientKeyExchangeConfiguration(
                    publicKeys: configuration.endpoints.publicKeys, innerData: .permanent(dc: Int32(address.dc))),
                reconnect: configuration.reconnect, pingInterval: configuration.connectionCheckInterval,
                disconnectDelay: Int32(clamping: configuration.connectionCheckInterval.components.seconds + 15)),
            authKeyStorage: storage, logger: logger)
        connections[address.dc] = connection
        logger.info("dialling the server", metadata: ["dc": "\(address.dc)", "address": "\(address.host):\(address.port)"])
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
