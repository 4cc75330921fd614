import ArgumentParser
import Archive
import Foundation
import Jobs
import Timekeeping

/// `tgcron status`: what is archived per job and channel, how the last run went and when the next is due.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show archived counts, checkpoints, last runs and next due times per job and channel.")

    @OptionGroup var options: ConfigOptions
    @OptionGroup var jobOptions: JobOptions

    @Flag(name: .long, help: "Print JSON for machines instead of a table.")
    var json = false

    @Flag(name: .long, help: "For monitoring: print only problems and exit 1 if a channel's latest run failed or it is stale.")
    var check = false

    @Option(name: .long, help: "With --check: a channel is stale when its latest successful run ended longer ago than this.")
    var staleAfter: String = "48h"

    func run() throws {
        let context = try AppContext.load(options, command: "status")
        // The jobs are read once the archive is known to exist: a missing archive is the first thing to say.
        let loadJobs = { (try? jobOptions.load(settings: context.settings)) ?? [] }
        if context.settings.archive.url != nil, !check, !FileManager.default.fileExists(atPath: context.databasePath) {
            // Only a PostgreSQL archive: what status reads of it yet are the runners and their leases.
            let jobs = loadJobs()
            let report = try runnersReport(context: context, sqlite: nil, jobs: jobs, now: Date())
            if json {
                print(try StatusReport(rows: [], runners: report).json())
            } else {
                print(report?.table() ?? "no runner has run on this archive yet", terminator: report == nil ? "\n" : "")
            }
            return
        }
        let store = try context.openArchiveReadOnly()
        let jobs = loadJobs()
        do {
            var report = try store.statusReport()
            let now = Date()
            for index in report.rows.indices {
                guard let job = jobs.first(where: { $0.name == report.rows[index].job }), job.enabled else { continue }
                let last = try store.lastRunStart(job: job.name)
                var due = job.schedule.nextDue(lastRun: last, now: now, in: job.timeZone)
                if let window = job.runWindow, let value = due { due = window.nextOpening(after: value, in: job.timeZone) }
                report.rows[index].nextDue = due
                report.rows[index].nextDueZone = job.timeZone.identifier
            }
            let accounts = context.settings.accountNames
            report.notices = try SessionNotices.notices(in: store, accounts: accounts)
            if !context.settings.accounts.isEmpty {
                report.accounts = try accounts.map { name throws(ArchiveError) in
                    try AccountStatus(name: name, store: store, jobs: jobs.filter { $0.enabled && $0.accountName == name }.count)
                }
            }
            report.runners = try runnersReport(context: context, sqlite: store, jobs: jobs, now: now)
            if check { return try checkFreshness(report, store: store, now: now) }
            print(json ? try report.json() : report.table(), terminator: json ? "\n" : "")
        } catch let error as ArchiveError {
            throw CLIFailure(error.description)
        }
    }

    /// The runners and leases of the shared archive (PostgreSQL at `archive.url`, else the SQLite one), or
    /// nil when no runner ever ran on it.
    private func runnersReport(context: AppContext, sqlite: ArchiveStore?, jobs: [Job], now: Date) throws -> RunnersReport? {
        guard let leases: any LeaseStorage = context.settings.archive.url == nil ? sqlite : try context.openStorage() else {
            return nil
        }
        // An archive opened read-only before `v11-runners` has no such tables: no runner ever ran on it.
        guard let runners = try? leases.runners(now: now), let held = try? leases.leases(now: now),
              !runners.isEmpty || !held.isEmpty else { return nil }
        let accounts = Set(jobs.filter(\.enabled).map(\.accountName)).sorted()
        return RunnersReport(runners: runners, leases: held, accounts: accounts,
                             ttl: context.settings.runners.leaseTTL.timeInterval)
    }

    /// `--check`: one line per failed or stale channel and exit 1, or one `ok` line.
    private func checkFreshness(_ report: StatusReport, store: ArchiveStore, now: Date) throws {
        let limit: TimeInterval
        do {
            limit = try DurationParser.parse(staleAfter).timeInterval
        } catch {
            throw CLIFailure("--stale-after: \(error)")
        }
        var problems: [String] = []
        for row in report.rows where row.lastRunStatus == .failed {
            problems.append("\(row.job) on \(row.channelUsername.map { "@" + $0 } ?? String(row.channelId)): the latest run failed")
        }
        let freshness = try store.channelFreshness()
        for channel in freshness {
            guard let success = channel.lastSuccess else {
                problems.append("\(channel.name): no successful run yet")
                continue
            }
            let age = now.timeIntervalSince(success)
            if age > limit {
                problems.append("\(channel.name): stale, the latest successful run ended \(Int(age / 3600)) h ago")
            }
        }
        guard problems.isEmpty else {
            problems.forEach { print($0) }
            throw ExitCode(1)
        }
        print("ok: \(freshness.count) channel(s), none failed or stale (limit \(staleAfter))")
    }
}
