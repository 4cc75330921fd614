import Archive
import ArchivePostgres
import Foundation
import Jobs
import Scheduler
import Timekeeping

/// `--runner NAME`: the command's work as one of several runners sharing the archive. Instead of the account
/// lock (a file on one machine), the runner holds leases on accounts in the archive (`LeaseKeeper`) and runs
/// only the jobs of the accounts it holds, each in a task with its own connections (`RunnerLoop`); SIGTERM
/// stops them, releases the leases and returns.
enum RunnerPass {
    /// Runs `jobs` as runner `name` until SIGTERM or SIGINT; `runAccount` runs one account's jobs with its
    /// runtime until its stop signal is raised. `once` (`tgcron run`): each account the runner could lease runs
    /// once, then the runner returns; 75 (deferred) when it could lease none (all held by other runners).
    static func run(
        context: AppContext, name: String, jobs: [Job], once: Bool = false,
        runAccount: @escaping @Sendable (AccountRuntime, [Job], StopSignal) async -> Void
    ) async throws -> ExitStatus {
        guard !name.isEmpty, name.count <= 200, !name.contains(where: \.isNewline) else {
            throw CLIFailure("--runner: a name of 1 to 200 characters on one line, got \"\(name)\"")
        }
        // Every account's credentials first: a missing one exits 78 before anything is touched.
        let accounts = try AccountPass.accountNames(of: jobs.filter(\.enabled), context: context)
        try context.refuseForeignDatabase()
        // The keeper's own connection: a page being committed never delays a renewal.
        let leases = try leaseStorage(context)
        let clock = SystemProgramClock()
        let keeper = LeaseKeeper(runner: .current(name: name), storage: leases,
                                 ttl: context.settings.runners.leaseTTL.timeInterval, clock: clock)
        let stop = StopSignal()
        let logger = context.logger
        TerminationSignals.install(raising: stop) { logger.notice("\($0)") }
        let device = "tgcron runner \(name)"
        var loop = RunnerLoop(keeper: keeper, accounts: accounts) { account, accountStop in
            let accountJobs = jobs.filter { $0.accountName == account }
            do {
                let credentials = try AccountRuntime.credentials(context, account: account)
                let runtime = try await AccountRuntime.open(context, credentials: credentials, device: device)
                logger.info("account started", metadata: ["runner": "\(name)", "account": "\(account)"])
                // Cancelled (its lease lost, or a renewal overdue): the connections close at once, failing the
                // request in flight, rather than after the page a stop would let finish.
                await withTaskCancellationHandler {
                    await runAccount(runtime, accountJobs, accountStop)
                } onCancel: {
                    Task { await runtime.close() }
                }
                await runtime.close()
                logger.info("account stopped", metadata: ["runner": "\(name)", "account": "\(account)"])
            } catch {
                logger.error("account \(account) could not start: \(error)")
            }
        }
        loop.once = once
        loop.onChange = { changes in
            logger.info("leases changed", metadata: [
                "runner": "\(name)", "gained": "\(changes.gained)", "lost": "\(changes.lost)", "released": "\(changes.surplus)",
            ])
        }
        logger.info("runner started", metadata: ["runner": "\(name)", "accounts": "\(accounts)",
                                                 "lease_ttl": "\(keeper.ttl)"])
        let ran = await loop.run(stop: stop, clock: clock)
        logger.info("runner stopped", metadata: ["runner": "\(name)"])
        if once, ran.isEmpty, !accounts.isEmpty {
            logger.warning("every account is leased by another runner; exiting 75")
            return .deferred
        }
        return .success
    }

    /// A connection of its own to the archive's runners and leases: PostgreSQL at `archive.url`, or the SQLite
    /// file (runners on one machine).
    private static func leaseStorage(_ context: AppContext) throws -> any LeaseStorage {
        try context.openStorage()
    }
}
