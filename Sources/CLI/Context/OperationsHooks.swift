import Archive
import Foundation
import Harvester
import Jobs
import Logging
import Metrics
import Notify
import RedisSink
import Scheduler
import Timekeeping

/// The run hooks of `run`, `daemon` and `backfill`: logs and the progress line, then after each run the
/// Prometheus text file, the Redis stream sink and notifications, as the settings ask. None of them can fail
/// a run: their errors are logged.
actor OperationsHooks: SchedulerHooks {
    private let logging: LoggingHooks
    private let store: any ArchiveStorage
    private let logger: Logger
    private let textfile: String?
    private let publisher: RedisStreamPublisher?
    private let notifications: NotificationDispatcher?
    private let sessionName: String

    init(context: AppContext, store: any ArchiveStorage, sessionName: String, secrets: [String]) throws {
        self.sessionName = sessionName
        logging = LoggingHooks(logger: context.logger)
        self.store = store
        logger = context.logger
        let settings = context.settings
        textfile = settings.metrics?.textfile
        publisher = settings.redis.map { redis in
            let password = context.environment["TGCRON_REDIS_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
            let endpoint = RedisEndpoint(host: redis.host, port: redis.port, password: password, database: redis.database)
            let layout: RedisStreamLayout = redis.singleStream ? .single(name: redis.streamPrefix) : .perChannel(prefix: redis.streamPrefix)
            return RedisStreamPublisher(archive: store, configuration: .init(endpoint: endpoint, layout: layout, maxLength: redis.maxLength))
        }
        notifications = try Self.dispatcher(settings.notifications, environment: context.environment,
                                            envFile: context.envFile, secrets: secrets)
    }

    func runStarted(job: Job, runID: Int64) async {
        await logging.runStarted(job: job, runID: runID)
    }

    func progressed(job: Job, runID: Int64, tally: HarvestTally, checkpoint: Checkpoint) async {
        await logging.progressed(job: job, runID: runID, tally: tally, checkpoint: checkpoint)
    }

    func runFinished(job: Job, outcome: JobOutcome) async {
        await logging.runFinished(job: job, outcome: outcome)
        writeTextfile()
        await publish()
        await notify(job: job, outcome: outcome)
    }

    /// Records that the account needs a new login (later runs exit 77 at once) and alerts.
    func accountRefused(reason: String) async {
        do {
            try store.markLoginNeeded(session: sessionName, reason: reason, at: Date())
        } catch {
            logger.error("cannot record that the account needs a login: \(error)")
        }
        writeTextfile()
        guard let notifications else { return }
        if case .sent(_, let failures) = await notifications.report(.accountRefused(reason: reason)), !failures.isEmpty {
            logger.warning("notification not delivered: \(failures.map(\.description).joined(separator: "; "))")
        }
    }

    func watched(job: Job, tally: WatchTally) async {
        await logging.watched(job: job, tally: tally)
    }

    func watchFailed(job: Job, error: any Error) async {
        await logging.watchFailed(job: job, error: error)
    }

    /// Brings the metrics file and the sink up to date after a watch round archived changes.
    func watchRoundEnded(archivedChanges: Bool) async {
        guard archivedChanges else { return }
        writeTextfile()
        await publish()
    }

    /// Closes the sink's connection.
    func close() async {
        await publisher?.close()
    }

    private func writeTextfile() {
        guard let textfile else { return }
        guard let store = store as? ArchiveStore else {
            return logger.warning("metrics text file not written: the metrics read the SQLite archive, not archive.url yet")
        }
        do {
            try PrometheusTextfile.write(try MetricsSnapshot.collect(from: store, version: BuildInfo.version), to: textfile)
        } catch {
            logger.warning("metrics text file not written: \(error)")
        }
    }

    private func publish() async {
        guard let publisher else { return }
        do {
            let count = try await publisher.publishPending()
            if count > 0 { logger.debug("published changes to redis", metadata: ["count": "\(count)"]) }
        } catch {
            logger.warning("redis sink: \(error); the changes stay queued for the next run")
        }
    }

    private func notify(job: Job, outcome: JobOutcome) async {
        guard let notifications else { return }
        var events: [NotificationEvent] = []
        switch outcome.stop {
        case .failed(let message):
            // A channel that went away fails every run the same way: said once, not every night.
            let repeated = (try? store.previousFailure(job: job.name, before: outcome.runID)) == message
            if !repeated { events.append(.jobFailed(job: job.name, error: message)) }
        case .accountRefused: break
        case .deferred(.stopRequested), .completed, .limitReached: break
        case .deferred(let deferral):
            let consecutive = (try? store.consecutiveDeferrals(job: job.name)) ?? 1
            events.append(.jobDeferred(job: job.name, consecutive: consecutive, reason: deferral.description))
        }
        var longest = outcome.tally.longestFloodWait
        if case .deferred(.floodWait(let seconds, _)) = outcome.stop { longest = max(longest, seconds) }
        if longest > 0 { events.append(.floodWait(job: job.name, seconds: longest)) }
        for event in events {
            if case .sent(_, let failures) = await notifications.report(event), !failures.isEmpty {
                logger.warning("notification not delivered: \(failures.map(\.description).joined(separator: "; "))")
            }
        }
    }

    /// The dispatcher the notification settings describe, or nil without any.
    static func dispatcher(
        _ settings: NotificationSettings?, environment: [String: String], envFile: String, secrets: [String]
    ) throws -> NotificationDispatcher? {
        guard let settings else { return nil }
        var notifiers: [any Notifier] = []
        var known = secrets
        do {
            if let chat = settings.botChatID {
                guard let token = environment["TGCRON_BOT_TOKEN"].flatMap({ $0.isEmpty ? nil : $0 }) else {
                    throw CLIFailure("notifications.bot_chat_id is set: put the bot token in TGCRON_BOT_TOKEN (\(envFile))")
                }
                known.append(token)
                notifiers.append(try TelegramBotNotifier(token: token, chatID: chat, apiURL: settings.botAPIURL))
            }
            if let url = settings.webhookURL { notifiers.append(try WebhookNotifier(url: url)) }
        } catch let error as NotifyError {
            throw CLIFailure("notifications: \(error)")
        }
        let policy = NotificationPolicy(deferralsThreshold: settings.deferralsThreshold,
                                        floodWaitThreshold: Int(settings.floodWaitThreshold.timeInterval),
                                        minInterval: settings.minInterval)
        return NotificationDispatcher(policy: policy, notifiers: notifiers, secrets: known)
    }
}
