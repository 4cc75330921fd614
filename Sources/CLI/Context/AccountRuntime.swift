import Archive
import Client
import ClientStore
import Foundation
import Governance
import Governor
import Harvester
import Jobs
import Logging
import MTProtoNIO
import Scheduler
import Timekeeping

/// Everything a command that talks to Telegram needs for one account, built from the settings: the archive,
/// the account's session kept in it, the client (one without and, if a job asks, one with takeout), and the
/// rate governor every job of the account shares. Accounts in one process share the archive, nothing else.
struct AccountRuntime {
    /// The environment variable holding the passphrase that encrypts stored auth keys (optional).
    static let passphraseKey = "TGCRON_SESSION_PASSPHRASE"

    let context: AppContext
    let store: any ArchiveStorage
    let sessionStore: ArchiveClientStateStore
    let credentials: TelegramCredentials
    let client: TelegramClient
    let takeoutClient: TelegramClient

    /// `account`'s API credentials from the environment; exits 78 naming the missing or bad one.
    static func credentials(_ context: AppContext, account: String = AccountSettings.defaultName) throws -> TelegramCredentials {
        do {
            return try TelegramCredentials(environment: context.environment,
                                           settingsAPIID: context.settings.telegramClient.apiID, account: account)
        } catch {
            try ConfigurationFailure.exit("\(error) (set it in \(context.envFile); see config/.env.example)")
        }
    }

    /// Opens the archive (unless given `store`, shared by the accounts of one process) and the account's
    /// session (the `sessions` row named by the account); imports its session string if the archive holds no
    /// session for it yet. Stored keys that do not open with the passphrase exit 78 before any connection.
    /// `device` is the device model `initConnection` names (a runner's is `tgcron runner NAME`, which the
    /// sandbox's session log shows).
    static func open(_ context: AppContext, credentials: TelegramCredentials,
                     store: (any ArchiveStorage)? = nil, device: String = "tgcron") async throws -> AccountRuntime {
        let store = try store ?? context.openStorage()
        let passphrase = context.environment[passphraseKey].flatMap { $0.isEmpty ? nil : $0 }
        let sessionStore = ArchiveClientStateStore(archive: store, name: credentials.account, passphrase: passphrase)
        if let text = credentials.sessionString, try sessionStore.session() == nil {
            let variable = TelegramCredentials.variable(TelegramCredentials.Key.sessionString, account: credentials.account)
            do {
                try await SessionTransfer.importSession(text, into: sessionStore)
            } catch {
                throw CLIFailure("\(variable): \(error)")
            }
            context.logger.info("session imported from \(variable)")
        }
        do {
            let encrypted = try sessionStore.verifyKeys()
            if encrypted > 0 {
                context.logger.notice("encrypted \(encrypted) stored auth key(s) with \(passphraseKey)")
            }
        } catch {
            switch error {
            case .passphraseRequired, .wrongPassphrase:
                try ConfigurationFailure.exit("\(error); nothing was sent to Telegram")
            case .archive(let failure): throw CLIFailure(failure)
            default: throw CLIFailure("session: \(error)")
            }
        }
        let settings = context.settings.telegramClient
        let identity = ClientIdentity(apiID: credentials.apiID, apiHash: credentials.apiHash, deviceModel: device)
        var configuration = TelegramClientConfiguration(
            identity: identity, endpoints: try ServerEndpoints.from(settings),
            floodWaitMax: settings.floodWaitMax, connectionCheckInterval: settings.connectionCheckInterval,
            audit: ArchiveAuditSink(archive: store))
        configuration.transport = ClientTransport(settings.transport)
        configuration.proxy = try settings.proxy.map(ConnectionProxy.init(setting:))
        let logger = Logger(label: "tgcron.client")
        let client = TelegramClient(configuration: configuration, sessionStore: sessionStore, logger: logger)
        configuration.takeout = true
        let takeoutClient = TelegramClient(configuration: configuration, sessionStore: sessionStore, logger: logger)
        return AccountRuntime(context: context, store: store, sessionStore: sessionStore, credentials: credentials,
                              client: client, takeoutClient: takeoutClient)
    }

    /// A scheduler for `jobs`: each run's calls go through the job's governor admission and the audit log.
    /// A call waits for its rate tokens at most `flood_wait_max`, then the job is deferred (exit 75), unless
    /// `waitForTokens` (`--wait`): then it waits as long as the governor says (a third
    /// `contacts.resolveUsername` within the hour, a cool-down).
    /// Files download into the media root (`AppContext.mediaRoot`), with a progress line on a terminal.
    func scheduler(for jobs: [Job], hooks: any SchedulerHooks, waitForTokens: Bool = false) throws -> Scheduler {
        let governor: RateGovernor
        do {
            let configuration = try GovernorConfiguration(settings: context.settings, jobs: jobs)
            governor = try RateGovernor(configuration: configuration,
                                        store: ArchiveGovernorStateStore(archive: store, account: credentials.account))
        } catch {
            throw CLIFailure("governor: \(error)")
        }
        let clock = SystemProgramClock()
        let maxWait = waitForTokens ? nil : context.settings.telegramClient.floodWaitMax
        let takeoutJobs = Set(jobs.filter(\.takeout).map(\.name))
        let audit = ArchiveAuditSink(archive: store)
        let (client, takeoutClient) = (client, takeoutClient)
        let governed = context.settings.telegramClient.rateGovernor
        if !governed { context.logger.warning("the rate governor is off (telegram_client.rate_governor: false)") }
        var settings = context.settings
        settings.media.root = context.mediaRoot
        let admission: @Sendable (String) -> any AdmissionControl = { job in
            governed ? GovernedAdmission(governor: governor, job: job, maxWait: maxWait, clock: clock) : UnlimitedAdmission()
        }
        var environment = SchedulerEnvironment(
            store: store, peerCache: ArchivePeerCache(archive: store), clock: clock,
            planner: JobPlanner(settings: settings), hooks: hooks
        ) { job, meter in
            (takeoutJobs.contains(job) ? takeoutClient : client)
                .invoker(admission: admission(job), audit: audit, floodObserver: meter)
        }
        environment.downloader = { job in ClientMediaDownloader(client: client, admission: admission(job)) }
        environment.mediaProgress = MediaProgressLine.reporter
        return Scheduler(environment: environment)
    }

    /// The run hooks the settings ask for (logs, metrics text file, Redis sink, notifications), told which
    /// values are secret so no notification carries them.
    func hooks() throws -> OperationsHooks {
        try OperationsHooks(context: context, store: store, sessionName: sessionStore.name, secrets: Self.secrets(of: context))
    }

    /// Closes the connections.
    func close() async {
        await client.close()
        await takeoutClient.close()
    }
}

extension AccountRuntime {
    /// The secrets of every account the settings declare (those that can be read), so that no notification,
    /// whichever account it is about, carries any of them.
    static func secrets(of context: AppContext) -> [String] {
        context.settings.accountNames.flatMap { account in
            (try? TelegramCredentials(environment: context.environment,
                                      settingsAPIID: context.settings.telegramClient.apiID, account: account))?.secrets ?? []
        }
    }
}

extension TelegramCredentials {
    /// The values no notification may carry.
    var secrets: [String] {
        [apiHash, phone, twoFactorPassword, sessionString].compactMap { $0 }
    }
}
