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
        let jobs = try jobOptions.load()
        if let runner {
            let watchInterval = try watchInterval()
            let status = try await RunnerPass.run(context: context, name: runner, jobs: jobs) { runtime, accountJobs, stop in
                do {
                    let hooks = try runtime.hooks()
                    var daemon = Daemon(scheduler: try runtime.scheduler(for: accountJobs, hooks: hooks), jobs: accountJobs)
                    daemon.watchInterval = watchInterval
                    _ = await daemon.run(stop: stop)
                    await hooks.close()
                } catch {
                    context.logger.error("runner \(runner): \(error)")
                }
            }
            guard status == .success else { throw ExitCode(status.rawValue) }
            return
        }
        let status = try await AccountPass.run(context: context, holder: "tgcron daemon", wait: wait) { runtime, stop in
            let hooks = try runtime.hooks()
            let scheduler = try runtime.scheduler(for: jobs, hooks: hooks)
            let metrics = try await MetricsEndpoint.start(context.settings.metrics?.listen, store: runtime.store)
            context.logger.info("daemon started", metadata: ["jobs": "\(jobs.filter(\.enabled).count)"])
            var daemon = Daemon(scheduler: scheduler, jobs: jobs)
            daemon.watchInterval = try watchInterval()
            let status = await daemon.run(stop: stop)
            await metrics?.shutdown()
            await hooks.close()
            context.logger.info("daemon stopped")
            return status
        }
        guard status == .success else { throw ExitCode(status.rawValue) }
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
