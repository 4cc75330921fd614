import Client
import Logging
import MTProtoNIO

extension LoopbackSandbox {
    /// The identity tests log in with.
    public static let identity = ClientIdentity(apiID: 1, apiHash: "test")

    /// A `TelegramClient` configuration pointing at this sandbox's DC `dc` (2 by default) as a custom
    /// server, on the simulated clock, auditing to `audit` (the sandbox's recorder by default).
    public func clientConfiguration(
        dc: Int = 2, takeout: Bool = false, audit: (any AuditSink)? = nil, identity: ClientIdentity = LoopbackSandbox.identity
    ) -> TelegramClientConfiguration {
        TelegramClientConfiguration(
            identity: identity,
            endpoints: .custom(host: "127.0.0.1", port: port(dc: dc), dc: dc, publicKeys: [Self.serverKey.publicKey]),
            callTimeout: .seconds(10),
            reconnect: ReconnectPolicy(initialDelay: .milliseconds(20), maximumDelay: .milliseconds(500)),
            takeout: takeout, audit: audit ?? self.audit, floodObserver: floodObserver, clock: clock)
    }

    /// A client of this sandbox keeping its login in `store`; its connections log nothing unless given a `logger`.
    public func client(
        store: any ClientStateStore, dc: Int = 2, takeout: Bool = false, audit: (any AuditSink)? = nil, logger: Logger? = nil
    ) -> TelegramClient {
        var quiet = Logger(label: "tgcron.test.telegram-client")
        quiet.logLevel = .critical
        return TelegramClient(
            configuration: clientConfiguration(dc: dc, takeout: takeout, audit: audit), sessionStore: store, logger: logger ?? quiet)
    }
}
