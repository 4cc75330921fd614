import ArgumentParser
import Archive
import Foundation
import Jobs
import Notify
import Scheduler

/// One command's work on the account: checks the credentials (exit 78 before touching anything), takes the
/// account lock (exit 75 naming the holder if it is taken, unless waiting), opens the runtime, installs the
/// stop signals, runs `body` and closes everything. A damaged archive is alerted through the notifier.
enum AccountPass {
    /// Runs `body` with the account's runtime. Unless `loggingIn`, an account that needs a new login (its key
    /// retired, banned, revoked) exits 77 at once without a connection.
    static func run(
        context: AppContext, holder: String, wait: Bool, loggingIn: Bool = false,
        _ body: (AccountRuntime, StopSignal) async throws -> ExitStatus
    ) async throws -> ExitStatus {
        let credentials = try AccountRuntime.credentials(context)
        try context.refuseForeignDatabase()
        let lock: AccountLock
        do {
            lock = try AccountLock.acquire(path: AccountLock.path(forDatabase: context.databasePath), holder: holder, wait: wait)
        } catch AccountLockError.held(let path, let holderText) {
            context.logger.warning("the account is busy: \(holderText) holds \(path); exiting 75 (use --wait to wait)")
            return .deferred
        } catch {
            throw CLIFailure(error.description)
        }
        defer { lock.release() }
        let stop = StopSignal()
        let logger = context.logger
        TerminationSignals.install(raising: stop) { logger.notice("\($0)") }
        let runtime: AccountRuntime
        do {
            runtime = try await AccountRuntime.open(context, credentials: credentials)
        } catch let failure as CLIFailure where failure.archiveDamage != nil {
            await alertDamage(failure.archiveDamage ?? "", context: context, credentials: credentials)
            throw failure
        }
        if !loggingIn, let (reason, since) = try loginNeeded(runtime) {
            let date = ISO8601DateFormatter().string(from: since)
            context.logger.error("the account needs a new login (since \(date)): \(reason); run `tgcron login`; exiting 77")
            await runtime.close()
            return .noPermission
        }
        let status: ExitStatus
        do {
            status = try await body(runtime, stop)
            await runtime.close()
        } catch {
            await runtime.close()
            if let damage = runtime.store.damage { await alertDamage(damage, context: context, credentials: credentials) }
            throw error
        }
        if let damage = runtime.store.damage {
            await alertDamage(damage, context: context, credentials: credentials)
            return max(status, .failure)
        }
        if !loggingIn, let (reason, _) = try loginNeeded(runtime) {
            context.logger.error("the account needs a new login: \(reason); run `tgcron login`; exiting 77")
            return max(status, .noPermission)
        }
        return status
    }

    private static func loginNeeded(_ runtime: AccountRuntime) throws -> (reason: String, since: Date)? {
        do {
            return try runtime.store.loginNeeded(session: runtime.sessionStore.name)
        } catch {
            throw CLIFailure(error)
        }
    }

    /// Logs the damage and sends it to the configured notifiers.
    private static func alertDamage(_ reason: String, context: AppContext, credentials: TelegramCredentials) async {
        context.logger.critical("the archive is damaged: \(reason); nothing more is written to it")
        guard let dispatcher = try? OperationsHooks.dispatcher(
            context.settings.notifications, environment: context.environment, envFile: context.envFile, secrets: credentials.secrets)
        else { return }
        if case .sent(_, let failures) = await dispatcher.report(.archiveDamaged(path: context.databasePath, reason: reason)),
           !failures.isEmpty {
            context.logger.warning("notification not delivered: \(failures.map(\.description).joined(separator: "; "))")
        }
    }
}
