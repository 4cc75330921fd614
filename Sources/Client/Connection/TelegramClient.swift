import Logging
import MTProtoNIO
import TL

/// The high-level Telegram client the harvester uses: a pool of connections (one per DC, one auth
/// key each, kept in a `ClientStateStore`), calls routed to the home DC or where the server
/// migrates them, optionally inside a takeout session, through the invocation pipeline.
///
/// DC addresses come from the session store, else the endpoints' built-in list, else the home DC's
/// `help.getConfig`, which is fetched once before the first call on the home DC and persisted.
public actor TelegramClient {
    /// How the client connects and calls.
    public nonisolated let configuration: TelegramClientConfiguration
    let store: any ClientStateStore
    let pool: ConnectionPool
    let logger: Logger
    private var cached: StoredSession?
    private var configFetch: Task<Void, any Error>?
    private var takeoutStart: Task<Int64, any Error>?

    /// A client as `configuration` says, keeping its login in `sessionStore`; connections log to
    /// `logger` (which never receives key material, phones, codes or passwords). Nothing connects
    /// until the first call.
    public init(
        configuration: TelegramClientConfiguration, sessionStore: any ClientStateStore,
        logger: Logger = Logger(label: "tgcron.client")
    ) {
        self.configuration = configuration
        store = sessionStore
        self.logger = logger
        pool = ConnectionPool(configuration: configuration, storage: sessionStore, logger: logger)
    }

    /// The pipeline callers use, with the configuration's audit, admission and flood observer.
    public nonisolated var invoker: any Invoker {
        invoker(admission: configuration.admission, audit: configuration.audit, floodObserver: configuration.floodObserver)
    }

    /// A pipeline over the same connections with its own admission control, audit and flood
    /// observer (one per job: the scheduler passes the job's governor admission).
    public nonisolated func invoker(
        admission: any AdmissionControl, audit: any AuditSink, floodObserver: any FloodWaitObserver
    ) -> any Invoker {
        pipeline(admission: admission, audit: audit, floodObserver: floodObserver, floodWaitMax: configuration.floodWaitMax)
            .wrap(DataCenterRouter(homeDC: { try await self.homeDC() }, connect: { try await self.callInvoker(dc: $0) }))
    }

    /// The user the session is logged in as (`users.getUsers([inputUserSelf])`); `.loginRequired` if none.
    public func me() async throws -> LoggedInUser {
        let users = try await plainInvoker.invoke(Api.Users.GetUsers(id: [.inputUserSelf]))
        guard case .user(let me)? = users.first else { throw ClientError.loginRequired }
        return LoggedInUser(dc: try await homeDC(), userID: me.id, firstName: me.firstName)
    }

    /// Whether the stored session is logged in, asking the server.
    public func authorizationState() async throws -> AuthorizationState {
        do {
            return .loggedIn(try await me())
        } catch ClientError.loginRequired {
            return .loggedOut
        }
    }

    /// Opens the takeout session now if configured and not yet open (calls otherwise open it on first
    /// use); returns its id. Throws `ClientError.takeoutDelayed` when Telegram asks to wait.
    @discardableResult
    public func startTakeout() async throws -> Int64 {
        if let id = try await session().takeoutID { return id }
        if let running = takeoutStart { return try await running.value }
        let task = Task { try await TakeoutStart(invoker: plainInvoker).run() }
        takeoutStart = task
        defer { takeoutStart = nil }
        let id = try await task.value
        try await update { $0.takeoutID = id }
        return id
    }

    /// Forgets takeout session `stale`, which the server no longer knows (`TAKEOUT_INVALID`), and opens a new
    /// one; when another call already replaced it, returns that one's id.
    func renewTakeout(replacing stale: Int64) async throws -> Int64 {
        if try await session().takeoutID == stale {
            try await update { $0.takeoutID = nil }
        }
        return try await startTakeout()
    }

    /// Closes every connection; calls after this fail with a closed connection.
    public func close() async {
        await pool.closeAll()
    }

    // MARK: Routing

    /// The pipeline without takeout wrapping, for the client's own calls.
    var plainInvoker: any Invoker {
        pipeline(
            admission: configuration.admission, audit: configuration.audit, floodObserver: configuration.floodObserver,
            floodWaitMax: configuration.floodWaitMax
        ).wrap(DataCenterRouter(homeDC: { try await self.homeDC() }, connect: { try await self.connectionInvoker(dc: $0) }))
    }

    nonisolated func pipeline(
        admission: any AdmissionControl, audit: any AuditSink, floodObserver: any FloodWaitObserver, floodWaitMax: Duration
    ) -> InvocationPipeline {
        var pipeline = InvocationPipeline(
            audit: audit, admission: admission, floodObserver: floodObserver, clock: configuration.clock, floodWaitMax: floodWaitMax)
        pipeline.retryJitter = configuration.retryJitter
        pipeline.logger = logger
        return pipeline
    }

    /// The DC calls go to.
    func homeDC() async throws -> Int {
        try await session().homeDC
    }

    /// DC `dc`'s connection invoker, inside the takeout session when configured.
    func callInvoker(dc: Int) async throws -> any Invoker {
        let connection = try await connectionInvoker(dc: dc)
        guard configuration.takeout else { return connection }
        return TakeoutInvoker(next: connection, takeoutID: try await startTakeout()) { stale in
            try await self.renewTakeout(replacing: stale)
        }
    }

    /// DC `dc`'s connection invoker; before the first call on the home DC, its DC list is fetched.
    func connectionInvoker(dc: Int) async throws -> any Invoker {
        let session = try await session()
        if dc == session.homeDC, session.dataCenters.isEmpty {
            try await fetchConfig()
        }
        let address = try await address(dc: dc)
        return ConnectionInvoker(
            connection: try await pool.connection(to: address), identity: configuration.identity, timeout: configuration.callTimeout)
    }

    /// Where DC `dc` listens: stored, built in, or (once) from `help.getConfig`.
    func address(dc: Int) async throws -> DataCenterAddress {
        if let known = try await knownAddress(dc: dc) { return known }
        try await fetchConfig()
        guard let learnt = try await knownAddress(dc: dc) else { throw ClientError.unknownDataCenter(dc) }
        return learnt
    }

    private func knownAddress(dc: Int) async throws -> DataCenterAddress? {
        try await session().address(dc: dc) ?? configuration.endpoints.builtInAddresses.first { $0.dc == dc }
    }

    /// Asks the home DC (or, if its address is unknown, the initial DC) for the DC list and stores it.
    func fetchConfig() async throws {
        if let running = configFetch { return try await running.value }
        let task = Task { try await loadConfig() }
        configFetch = task
        defer { configFetch = nil }
        try await task.value
    }

    private func loadConfig() async throws {
        let session = try await session()
        let source = try await knownAddress(dc: session.homeDC)
            ?? configuration.endpoints.builtInAddresses.first { $0.dc == configuration.endpoints.initialDC }
        guard let source else { throw ClientError.unknownDataCenter(session.homeDC) }
        let connection = ConnectionInvoker(
            connection: try await pool.connection(to: source), identity: configuration.identity, timeout: configuration.callTimeout)
        let config = try await RetryMiddleware(next: connection, clock: configuration.clock).invoke(Api.Help.GetConfig())
        var addresses: [DataCenterAddress] = []
        for option in config.dcOptions where !option.ipv6 && !option.mediaOnly && !option.cdn && !option.tcpoOnly {
            guard !addresses.contains(where: { $0.dc == Int(option.id) }) else { continue }
            addresses.append(DataCenterAddress(dc: Int(option.id), host: option.ipAddress, port: Int(option.port)))
        }
        if !addresses.contains(where: { $0.dc == source.dc }) { addresses.append(source) }
        try await update { $0.dataCenters = addresses.sorted { $0.dc < $1.dc } }
        logger.debug("data centers learnt from help.getConfig", metadata: ["count": "\(addresses.count)"])
    }

    // MARK: Session

    /// The stored session, or a fresh one at the endpoints' initial DC.
    func session() async throws -> StoredSession {
        if let cached { return cached }
        let loaded: StoredSession?
        do {
            loaded = try await store.session()
        } catch {
            throw ClientError.sessionStore(String(describing: error))
        }
        let session = loaded ?? StoredSession(homeDC: configuration.endpoints.initialDC)
        cached = session
        return session
    }

    /// Changes the session and saves it.
    func update(_ change: (inout StoredSession) -> Void) async throws {
        var session = try await session()
        change(&session)
        cached = session
        do {
            try await store.saveSession(session)
        } catch {
            throw ClientError.sessionStore(String(describing: error))
        }
    }
}
