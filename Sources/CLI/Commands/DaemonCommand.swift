import ArgumentParser
import Foundation
import Scheduler

/// `tgcron daemon`: keeps running, starting jobs as they fall due; SIGTERM or SIGINT stops it after the
/// current page is committed.
struct DaemonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "daemon",
        abstract: "Run jobs as they fall due until SIGTERM or SIGINT (then finish the current page and exit 0).")

    @OptionGroup var options: ConfigOptions
    @OptionGroup var jobOptions: JobOptions

    @Flag(name: .long, help: "If another tgcron holds the account lock, wait for it instead of exiting 75.")
    var wait = false

    func run() async throws {
        let context = try AppContext.load(options, command: "daemon")
        let jobs = try jobOptions.load()
        let status = try await AccountPass.run(context: context, holder: "tgcron daemon", wait: wait) { runtime, stop in
            let hooks = try runtime.hooks()
            let scheduler = try runtime.scheduler(for: jobs, hooks: hooks)
            let metrics = try await MetricsEndpoint.start(context.settings.metrics?.listen, store: runtime.store)
            context.logger.info("daemon started", metadata: ["jobs": "\(jobs.filter(\.enabled).count)"])
            let status = await Daemon(scheduler: scheduler, jobs: jobs).run(stop: stop)
            await metrics?.shutdown()
            await hooks.close()
            context.logger.info("daemon stopped")
            return status
        }
        guard status == .success else { throw ExitCode(status.rawValue) }
    }
}
