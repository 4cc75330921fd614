import ArgumentParser
import Archive
import Foundation
import Harvester

/// `tgcron media`: the downloaded files, as the ledger in the archive records them.
struct MediaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "media",
        abstract: "Inspect and verify downloaded media (the ledger in the archive and the file store).",
        subcommands: [MediaStatusCommand.self, MediaVerifyCommand.self])
}

/// `tgcron media status [--json]`: files and bytes per channel and status.
struct MediaStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show media counts and bytes per channel: done, pending, partial, skipped, failed.")

    @OptionGroup var options: ConfigOptions

    @Flag(name: .long, help: "Print JSON for machines instead of a table.")
    var json = false

    /// The JSON form: the store's folder and the ledger's rows per channel and status.
    private struct Report: Encodable {
        var root: String
        var channels: [MediaSummaryRow]
    }

    func run() throws {
        let context = try AppContext.load(options, command: "media")
        let store = try context.openArchiveReadOnly()
        let rows: [MediaSummaryRow]
        do {
            rows = try store.mediaSummary()
        } catch {
            throw CLIFailure(error.description)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            print(String(decoding: try encoder.encode(Report(root: context.mediaRoot, channels: rows)), as: UTF8.self))
            return
        }
        print("media root: \(context.mediaRoot)")
        guard !rows.isEmpty else { return print("no media queued yet (give a job a `media:` block)") }
        print("channel".padding(toLength: 24, withPad: " ", startingAt: 0) + "status    files        bytes")
        for row in rows {
            let name = row.username.map { "@" + $0 } ?? String(row.channelID)
            print(name.padding(toLength: 24, withPad: " ", startingAt: 0)
                  + row.status.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
                  + String(row.files).leftPadded(8) + String(row.bytesStored).leftPadded(13))
        }
    }
}

/// `tgcron media verify [--repair]`: every done file present, of its size and hash.
struct MediaVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that every downloaded file is in the store with its size and SHA-256 (exit 1 if not).",
        discussion: "With --repair, files that are missing or corrupt, and downloads that failed, are queued again for the next run.")

    @OptionGroup var options: ConfigOptions

    @Flag(name: .long, help: "Queue missing, corrupt and failed files again (and remove corrupt ones).")
    var repair = false

    func run() throws {
        let context = try AppContext.load(options, command: "media")
        let store = repair ? try context.openArchive() : try context.openArchiveReadOnly()
        let report: MediaVerification.Report
        do {
            report = try MediaVerification(store: store, root: context.mediaRoot).run(repair: repair)
        } catch {
            throw CLIFailure("\(error)")
        }
        report.problems.forEach { print($0) }
        print("\(report.checked) file(s) checked, \(report.problems.count) problem(s)"
              + (repair ? ", \(report.requeued) queued again" : ""))
        if !report.problems.isEmpty, !repair { throw ExitCode(1) }
    }
}

extension String {
    /// The string right-aligned in `width` columns.
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
