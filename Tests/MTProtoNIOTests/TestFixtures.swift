import Logging
import MTProto
import MTProtoCrypto
import MTProtoNIO
import MTProtoTransport
import TL
import XCTest

/// Shared pieces of the loopback tests: one server RSA key, silent loggers, fast policies.
enum Fixtures {
    /// One RSA key pair for the whole run: generating 2048-bit keys is slow.
    static let serverKey: RSAPrivateKey = {
        do {
            return try RSAPrivateKey.generate()
        } catch {
            fatalError("cannot generate the test RSA key: \(error)")
        }
    }()

    /// A logger that drops everything, so test output stays readable.
    static let silentLogger = Logger(label: "tgcron.test") { _ in SwiftLogNoOpLogHandler() }

    /// Reconnects after 10 ms, gives up after 2 consecutive failed attempts.
    static let fastReconnect = ReconnectPolicy(
        initialDelay: .milliseconds(10), maximumDelay: .milliseconds(40), jitter: 0.5, maximumFailedAttempts: 2)

    /// The data center id tests store keys under.
    static let dataCenterID = 2

    /// A server configuration with the test key and `faults`.
    static func serverConfiguration(faults: ServerFaults = ServerFaults()) -> ServerConfiguration {
        ServerConfiguration(keyExchange: ServerKeyExchangeConfiguration(privateKeys: [serverKey]), faults: faults)
    }

    /// A client configuration for a local server on `port`.
    static func clientConfiguration(
        port: Int,
        transport: ClientTransport = .plain(.intermediate),
        pingInterval: Duration = .seconds(60),
        keyExchangeTimeout: Duration = .seconds(5)
    ) -> ConnectionConfiguration {
        ConnectionConfiguration(
            dataCenterID: dataCenterID, host: "127.0.0.1", port: port, transport: transport,
            keyExchange: ClientKeyExchangeConfiguration(
                publicKeys: [serverKey.publicKey], innerData: .permanent(dc: Int32(dataCenterID))),
            reconnect: fastReconnect, pingInterval: pingInterval, ackInterval: .milliseconds(50),
            connectTimeout: .seconds(2), keyExchangeTimeout: keyExchangeTimeout)
    }

    /// A connection to `port` with silent logging.
    static func connection(
        port: Int,
        transport: ClientTransport = .plain(.intermediate),
        storage: any AuthKeyStorage = InMemoryAuthKeyStorage(),
        pingInterval: Duration = .seconds(60),
        keyExchangeTimeout: Duration = .seconds(5)
    ) -> MTProtoConnection {
        MTProtoConnection(
            configuration: clientConfiguration(
                port: port, transport: transport, pingInterval: pingInterval, keyExchangeTimeout: keyExchangeTimeout),
            authKeyStorage: storage, logger: silentLogger)
    }

    /// Starts a test server answering with `handler`.
    static func server(
        handler: TestService = TestService(), faults: ServerFaults = ServerFaults()
    ) async throws -> MTProtoServer {
        try await MTProtoServer.start(
            configuration: serverConfiguration(faults: faults), handler: handler, logger: silentLogger)
    }

    /// `upload.getFile` for `limit` bytes at `offset` of the test file.
    static func getFile(offset: Int64, limit: Int32) -> Api.Upload.GetFile {
        Api.Upload.GetFile(location: .inputTakeoutFileLocation, offset: offset, limit: limit)
    }

    /// The test file's bytes: a pattern that depends on the offset, so answers cannot be mixed up.
    static func pattern(offset: Int64, count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: Int(truncatingIfNeeded: offset) &* 7 &+ $0 &* 31) }
    }

    /// The bytes of an `upload.file` answer.
    static func bytes(of file: Api.Upload.File) -> [UInt8]? {
        if case .file(let value) = file { value.bytes } else { nil }
    }
}

/// Runs `operation`, failing with `TimedOut` if it takes longer than `seconds`.
func withDeadline<T: Sendable>(
    seconds: Double, _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            throw TimedOut()
        }
        defer { group.cancelAll() }
        guard let first = try await group.next() else { throw TimedOut() }
        return first
    }
}

/// A deadline passed.
struct TimedOut: Error {}

/// Polls `condition` every 10 ms until it holds, failing after `seconds`.
func waitUntil(seconds: Double = 2, _ condition: @escaping @Sendable () async -> Bool) async throws {
    try await withDeadline(seconds: seconds) {
        while await !condition() {
            try await Task.sleep(for: .milliseconds(10))
        }
    }
}
