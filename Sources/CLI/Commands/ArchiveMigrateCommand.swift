import ArgumentParser
import Archive
import Foundation
import Scheduler

/// `tgcron archive migrate`: converts an archive written before the lean layout (issue #17) in place.
struct ArchiveMigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Convert an older archive to the lean layout in place (resumable; SIGTERM stops after a batch).",
        discussion: """
            Fills the scalar columns from each message's raw bytes and drops the JSON columns that repeated \
            them, a batch at a time, then gives the space back. It needs as much free disk as the archive \
            takes, and refuses to start otherwise. Every command works on the archive while it is pending.
            """)

    @OptionGroup var options: ConfigOptions

    @Option(name: .long, help: "Messages per transaction.")
    var batch: Int = 5_000

    func run() throws {
        let context = try AppContext.load(options, command: "archive")
        let lock: AccountLock
        do {
            lock = try AccountLock.acquire(path: AccountLock.path(forDatabase: context.databasePath),
                                           holder: "tgcron archive migrate", wait: false)
        } catch {
            throw CLIFailure("\(error)")
        }
        defer { lock.release() }
        let store = try context.openArchive()
        let stop = StopSignal()
        let logger = context.logger
        TerminationSignals.install(raising: stop) { logger.notice("\($0)") }
        let terminal = isatty(STDERR_FILENO) == 1
        var lastLogged = Date.distantPast
        var lastConverted = -1
        let outcome: LeanConversionOutcome
        do {
            outcome = try store.convertToLean(batchSize: batch, progress: { progress in
                guard progress.converted != lastConverted else { return }  // version rows follow the messages
                lastConverted = progress.converted
                let percent = progress.total == 0 ? 100 : progress.converted * 100 / progress.total
                let line = "converted \(progress.converted) of \(progress.total) messages (\(percent)%)"
                if terminal {
                    FileHandle.standardError.write(Data("\r\(line)".utf8))
                } else if Date().timeIntervalSince(lastLogged) >= 30 || progress.converted == progress.total {
                    lastLogged = Date()
                    logger.info("\(line)")
                }
            }, shouldStop: { stop.isRaised })
        } catch {
            throw CLIFailure(error.description)
        }
        if terminal { FileHandle.standardError.write(Data("\n".utf8)) }
        switch outcome {
        case .alreadyLean:
            print("\(context.databasePath): already in the lean layout")
        case .converted(let before, let after):
            print("\(context.databasePath): converted to the lean layout, \(before) → \(after) bytes")
        case .stopped(let progress):
            print("\(context.databasePath): stopped after \(progress.converted) of \(progress.total) messages; run it again to continue")
            throw ExitCode(ExitStatus.deferred.rawValue)
        }
    }
}
