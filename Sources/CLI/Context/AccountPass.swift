import ArgumentParser
import Archive
import Foundation
import Jobs
import Notify
import Scheduler

/// One command's work on an account: checks the credentials (exit 78 before touching anything), takes the
/// account's lock (exit 75 naming the holder if it is taken, unless waiting), opens the runtime, installs the
/// stop signals, runs `body` and closes everything. A damaged archive is alerted through the notifier.
enum AccountPass {
    /// Runs `body` with `account`'s runtime. Unless `loggingIn`, an account that needs a new login (its key
    /// retired, banned, revoked) exits 77 at once without a connection. `store` and `stop` are shared by the
    /// accounts of one command (`forEachAccount`); without them the pass opens the archive and installs the
    /// stop signals itself.
    static func run(
        context: AppContext, account: String = AccountSettings.defaultName, holder: String, wait: Bool,
        loggingIn: Bool = false, store: (any ArchiveStorage)? = nil, stop sharedStop: StopSignal? = nil,
        _ body: (AccountRuntime, StopSignal) async throws -> ExitStatus
    ) async throws -> ExitStatus {
        let credentials = try AccountRuntime.credentials(context, account: account)
        try context.refuseForeignDatabase()
        let lock: AccountLock
        do {
            let path = AccountLock.path(forDatabase: context.databasePath, account: account)
            lock = try AccountLock.acquire(path: path, holder: holder, wait: wait)
        } catch AccountLockError.held(let path, let holderText) {
            context.logger.warning("the account \(account) is busy: \(holderText) holds \(path); exiting 75 (use --wait to wait)")
            return .deferred
        } catch {
            throw CLIFailure(error.description)
        }
        defer { lock.release() }
        let stop: StopSignal
        if let sharedStop {
            stop = sharedStop
        } else {
            stop = StopSignal()
            let logger = context.logger
            TerminationSignals.install(raising: stop) { logger.notice("\($0)") }
        }
        let runtime: AccountRuntime
        do {
            runtime = try await AccountRuntime.open(context, credentials: credentials, store: store)
        } catch let failure as CLIFailure where failure.archiveDamage != nil {
            await alertDamage(failure.archiveDamage ?? "", context: context)
            throw failure
        }
        let loginCommand = account == AccountSettings.defaultName ? "tgcron login" : "tgcron login --account \(account)"
        if !loggingIn, let (reason, since) = try loginNeeded(runtime) {
            let date = ISO8601DateFormatter().string(from: since)
            context.logger.error("the account \(account) needs a new login (since \(date)): \(reason); run `\(loginCommand)`; exiting 77")
            await runtime.close()
            return .noPermission
        }
        let status: ExitStatus
        do {
            status = try await body(runtime, stop)
            await runtime.close()
        } catch {
            await runtime.close()
            if let damage = runtime.store.damage { await alertDamage(damage, context: context) }
            throw error
        }
        if let damage = runtime.store.damage {
            await alertDamage(damage, context: context)
            return max(status, .failure)
        }
        if !loggingIn, let (reason, _) = try loginNeeded(runtime) {
            context.logger.error("the account \(account) needs a new login: \(reason); run `\(loginCommand)`; exiting 77")
            return max(status, .noPermission)
        }
        return status
    }

    /// Runs `body` once per account that `jobs` use, with that account's jobs, all accounts at once: each with
    /// its own lock, connections and governor, sharing one opened archive and one stop signal. The exit status
    /// is the worst of theirs (a busy account defers, 75, and the others still run). `store` is the archive
    /// if the command opened it already.
    static func forEachAccount(
        context: AppContext, jobs: [Job], holder: String, wait: Bool, store: (any ArchiveStorage)? = nil,
        _ body: @escaping @Sendable (AccountRuntime, [Job], StopSignal) async throws -> ExitStatus
    ) async throws -> ExitStatus {
        let accounts = try accountNames(of: jobs, context: context)
        guard accounts.count > 1 else {
            let account = accounts.first ?? AccountSettings.defaultName
            return try await run(context: context, account: account, holder: holder, wait: wait, store: store) { runtime, stop in
                try await body(runtime, jobs, stop)
            }
        }
        try context.refuseForeignDatabase()
        let store = try store ?? context.openStorage()
        let stop = StopSignal()
        let logger = context.logger
        TerminationSignals.install(raising: stop) { logger.notice("\($0)") }
        return try await withThrowingTaskGroup(of: ExitStatus.self) { group in
            for account in accounts {
                let accountJobs = jobs.filter { $0.accountName == account }
                group.addTask {
                    try await run(context: context, account: account, holder: holder, wait: wait, store: store, stop: stop) { runtime, stop in
                        try await body(runtime, accountJobs, stop)
                    }
                }
            }
            var worst = ExitStatus.success
            for try await status in group { worst = max(worst, status) }
            return worst
        }
    }

    /// The accounts `jobs` use, in the settings' order (the default account if none), after checking each
    /// one's credentials: a missing or bad one exits 78 before anything is touched.
    static func accountNames(of jobs: [Job], context: AppContext) throws -> [String] {
        let used = context.settings.accountNames.filter { name in jobs.contains { $0.accountName == name } }
        let accounts = used.isEmpty ? [AccountSettings.defaultName] : used
        for account in accounts { _ = try AccountRuntime.credentials(context, account: account) }
        return accounts
    }

    /// The account `--account` names (the default one if none), refused unless the settings declare it.
    static func account(named name: String?, context: AppContext) throws -> String {
        guard let name, name != AccountSettings.defaultName else { return AccountSettings.defaultName }
        guard context.settings.accounts.contains(where: { $0.name == name }) else {
            let declared = context.settings.accounts.map(\.name)
            throw CLIFailure("--account \(name): the settings declare no such account"
                             + (declared.isEmpty ? " (they have no 'accounts:' list)" : " (declared: \(declared.joined(separator: ", ")))"))
        }
        return name
    }

    private static func loginNeeded(_ runtime: AccountRuntime) throws -> (reason: String, since: Date)? {
        do {
            return try runtime.store.loginNeeded(session: runtime.sessionStore.name)
        } catch {
            throw CLIFailure(error)
        }
    }

    /// Logs the damage and sends it to the configured notifiers.
    private static func alertDamage(_ reason: String, context: AppContext) async {
        context.logger.critical("the archive is damaged: \(reason); nothing more is written to it")
        guard let dispatcher = try? OperationsHooks.dispatcher(
            context.settings.notifications, environment: context.environment, envFile: context.envFile, secrets: AccountRuntime.secrets(of: context))
        else { return }
        if case .sent(_, let failures) = await dispatcher.report(.archiveDamaged(path: context.databasePath, reason: reason)),
           !failures.isEmpty {
            context.logger.warning("notification not delivered: \(failures.map(\.description).joined(separator: "; "))")
        }
    }
}
