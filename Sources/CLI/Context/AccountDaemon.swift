import Jobs
import Scheduler

/// The daemon's work for one account: its jobs run as they fall due (and, in watch mode, their channels are
/// followed between runs) until `stop` is raised. `tgcron daemon` runs one per account at once.
enum AccountDaemon {
    /// Runs `jobs` with `runtime` until `stop`; the exit status of `Daemon.run`.
    static func run(runtime: AccountRuntime, jobs: [Job], watchInterval: Double?, stop: StopSignal) async throws -> ExitStatus {
        let hooks = try runtime.hooks()
        var daemon = Daemon(scheduler: try runtime.scheduler(for: jobs, hooks: hooks), jobs: jobs)
        daemon.watchInterval = watchInterval
        let logger = runtime.context.logger
        let account = runtime.credentials.account
        logger.info("daemon started", metadata: ["account": "\(account)", "jobs": "\(jobs.filter(\.enabled).count)"])
        let status = await daemon.run(stop: stop)
        await hooks.close()
        logger.info("daemon stopped", metadata: ["account": "\(account)"])
        return status
    }
}
