import ArgumentParser
import Foundation
import Jobs
import Scheduler

/// `tgcron run`: runs the jobs that are due now (or the one named), then exits; for cron and systemd timers.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the jobs due now, then exit (for cron and systemd timers).",
        discussion: """
            Exit codes: 0 all done; 75 something deferred (flood wait over flood_wait_max, daily budget, \
            run window end, account lock held); 78 invalid job files or settings; 1 failure.
            """)

    @OptionGroup var options: ConfigOptions
    @OptionGroup var jobOptions: JobOptions

    @Option(name: .long, help: "Run this job now, due or not.")
    var job: String?

    @Flag(name: .long, help: "Run every enabled job now, due or not.")
    var all = false

    @Flag(name: .long, help: "Show what would run, and each run's plan, without touching the network or the archive.")
    var dryRun = false

    @Flag(name: .long, help: "Wait for the account lock and for rate tokens (such as a third channel's resolve within the hour) instead of exiting 75.")
    var wait = false

    @Option(name: .long, help: ArgumentHelp(
        "Run as runner NAME beside others sharing the archive: lease free accounts, run their due jobs once, release them.",
        valueName: "name"))
    var runner: String?

    func run() async throws {
        let context = try AppContext.load(options, command: "run")
        let jobs = try jobOptions.load(settings: context.settings)
        var selected = jobs
        if let job {
            guard let named = jobs.first(where: { $0.name == job }) else {
                throw CLIFailure("no job named '\(job)' in \(jobOptions.jobs.joined(separator: ", "))")
            }
            selected = [named]
        }
        if all { selected = jobs.filter(\.enabled) }
        let forced = job != nil || all
        if dryRun { return try DryRun.print(selected, context: context, forced: forced) }
        let wait = wait
        if let runner {
            let outcome = try await RunnerPass.run(context: context, name: runner, jobs: selected, once: true) { runtime, accountJobs, stop in
                do {
                    let hooks = try runtime.hooks()
                    let scheduler = try runtime.scheduler(for: accountJobs, hooks: hooks, waitForTokens: wait)
                    let due = forced ? accountJobs : try scheduler.dueJobs(accountJobs, now: Date())
                    _ = await scheduler.run(due, stop: stop)
                    await hooks.close()
                } catch {
                    context.logger.error("runner \(runner): \(error)")
                }
            }
            guard outcome == .success else { throw ExitCode(outcome.rawValue) }
            return
        }
        let chosen = Set(selected.map(\.name))
        // Each account runs its own selected jobs; the governor configuration sees all of the account's jobs.
        let accountJobs = jobs.filter { job in selected.contains { $0.accountName == job.accountName } }
        let outcome = try await AccountPass.forEachAccount(context: context, jobs: accountJobs, holder: "tgcron run",
                                                           wait: wait) { runtime, jobs, stop in
            let hooks = try runtime.hooks()
            let scheduler = try runtime.scheduler(for: jobs, hooks: hooks, waitForTokens: wait)
            let selected = jobs.filter { chosen.contains($0.name) }
            let due = forced ? selected : try scheduler.dueJobs(selected, now: Date())
            if due.isEmpty { context.logger.info("nothing is due", metadata: ["account": "\(runtime.credentials.account)"]) }
            let status = await scheduler.run(due, stop: stop).exitCode
            await hooks.close()
            return status
        }
        guard outcome == .success else { throw ExitCode(outcome.rawValue) }
    }
}
