import ArgumentParser
import Foundation
import Jobs
import Scheduler
import Timekeeping

/// `tgcron daemon`: keeps running, starting jobs as they fall due; SIGTERM or SIGINT stops it after the
/// current page is committed.
struct DaemonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "daemon",
        abstract: "Run jobs as they fall due until SIGTERM or SIGINT (then finish the current page and exit 0).")

    @OptionGroup var options: ConfigOptions
    @OptionGroup var jobOptions: JobOptions

    @Option(name: .long, help: "Between runs, follow the jobs' channels through their update stream this often (e.g. 30s): new posts, edits and deletions arrive within that latency.")
    var watch: String?

    @Flag(name: .long, help: "If another tgcron holds the account lock, wait for it instead of exiting 75.")
    var wait = false

    @Option(name: .long, help: ArgumentHelp(
        "Run as runner NAME beside others sharing the archive: hold leases on accounts (runners.lease_ttl) and run only their jobs.",
        valueName: "name"))
    var runner: String?

    func run() async throws {
        let context = try AppContext.load(options, command: "daemon")
        let jobs = try jobOptions.load(settings: context.settings)
        let watchInterval = try watchInterval()
        if let runner {
            let status = try await RunnerPass.run(context: context, name: runner, jobs: jobs) { runtime, accountJobs, stop in
                do {
                    try await catchUp(runtime: runtime, jobs: accountJobs, stop: stop)
                    _ = try await AccountDaemon.run(runtime: runtime, jobs: accountJobs, watchInterval: watchInterval, stop: stop)
                } catch {
                    context.logger.error("runner \(runner): \(error)")
                }
            }
            guard status == .success else { throw ExitCode(status.rawValue) }
            return
        }
        _ = try AccountPass.accountNames(of: jobs, context: context)
        try context.refuseForeignDatabase()
        let store = try context.openStorage()
        let metrics = try await MetricsEndpoint.start(context.settings.metrics?.listen, store: store)
        let status = try await AccountPass.forEachAccount(context: context, jobs: jobs, holder: "tgcron daemon",
                                                          wait: wait, store: store) { runtime, jobs, stop in
            try await AccountDaemon.run(runtime: runtime, jobs: jobs, watchInterval: watchInterval, stop: stop)
        }
        await metrics?.shutdown()
        guard status == .success else { throw ExitCode(status.rawValue) }
    }

    /// A runner that takes an account over first runs the account's jobs once, from their checkpoints: the
    /// runner that had it may have stopped their runs after a page (a handover), which counts as the schedule's
    /// run, or been killed in them; a job with nothing left to do costs a request or two.
    private func catchUp(runtime: AccountRuntime, jobs: [Job], stop: StopSignal) async throws {
        let enabled = jobs.filter(\.enabled)
        guard !enabled.isEmpty, !stop.isRaised else { return }
        let hooks = try runtime.hooks()
        let scheduler = try runtime.scheduler(for: jobs, hooks: hooks)
        _ = await scheduler.run(enabled, stop: stop)
        await hooks.close()
    }

    private func watchInterval() throws -> Double? {
        guard let watch else { return nil }
        let parsed: Duration
        do {
            parsed = try DurationParser.parse(watch)
        } catch {
            throw CLIFailure("--watch: \(error)")
        }
        guard parsed >= .seconds(1) else { throw CLIFailure("--watch must be at least 1s") }
        return parsed.timeInterval
    }
}
