import ArgumentParser
import Archive
import Foundation
import Jobs

/// `tgcron status`: what is archived per job and channel, how the last run went and when the next is due.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show archived counts, checkpoints, last runs and next due times per job and channel.")

    @OptionGroup var options: ConfigOptions
    @OptionGroup var jobOptions: JobOptions

    @Flag(name: .long, help: "Print JSON for machines instead of a table.")
    var json = false

    func run() throws {
        let context = try AppContext.load(options, command: "status")
        let store = try context.openArchiveReadOnly()
        let jobs = (try? jobOptions.load()) ?? []
        do {
            var report = try store.statusReport()
            let now = Date()
            for index in report.rows.indices {
                guard let job = jobs.first(where: { $0.name == report.rows[index].job }), job.enabled else { continue }
                let last = try store.lastRunStart(job: job.name)
                var due = job.schedule.nextDue(lastRun: last, now: now, in: job.timeZone)
                if let window = job.runWindow, let value = due { due = window.nextOpening(after: value, in: job.timeZone) }
                report.rows[index].nextDue = due
            }
            report.notices = try SessionNotices.notices(in: store)
            print(json ? try report.json() : report.table(), terminator: json ? "\n" : "")
        } catch {
            throw CLIFailure(error.description)
        }
    }
}
