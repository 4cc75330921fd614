import ArgumentParser
import Foundation
import Jobs
import Scheduler

/// `tgcron backfill CHANNEL --since DATE`: archives one channel once, without a job file, into the same
/// archive and checkpoints (kept under the job name `backfill:<channel>`, so repeating it resumes).
struct BackfillCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backfill",
        abstract: "Archive one channel now, without a job file (repeat the same command to resume).")

    @OptionGroup var options: ConfigOptions

    // Collected as unrecognized input so that a negative id (-1001938421552) needs no `--` before it.
    @Argument(parsing: .allUnrecognized,
              help: ArgumentHelp("The channel: @name, t.me/name, https://t.me/s/name or a channel id.", valueName: "channel"))
    var channelArguments: [String] = []

    @Option(name: .long, help: "Oldest message date: YYYY-MM-DD, RFC 3339, or a duration ago such as 90d.")
    var since: String?

    @Option(name: .long, help: "Messages posted before this date.")
    var until: String?

    @Option(name: .long, help: "At most this many new messages in this run.")
    var limit: Int?

    @Option(name: .long, help: "The time zone of dates without an offset (IANA name).")
    var timezone: String = "UTC"

    @Option(name: .long, help: "Also download these media: a comma-separated list of photo, video, document, audio, voice, video_note, animation, sticker, or all.")
    var media: String?

    @Option(name: .long, help: "With --media: skip files larger than this (such as 20MB).")
    var maxSize: String?

    @Flag(name: .long, help: "Also archive the comments: the channel's linked discussion group, read like a channel after its posts.")
    var comments = false

    @Option(name: .long, help: "Archive through this account, one of the settings' 'accounts:' (default: the default account).")
    var account: String?

    @Flag(name: .long, help: "Wait for the account lock and for rate tokens (such as a third channel's resolve within the hour) instead of exiting 75.")
    var wait = false

    /// Exactly one channel, and one tgcron can reach (an invite link or a malformed name is a usage error, 64).
    func validate() throws {
        if let unknown = channelArguments.first(where: { $0.hasPrefix("--") }) {
            throw ValidationError("Unknown option '\(unknown)'")
        }
        guard channelArguments.count == 1, let text = channelArguments.first else {
            throw ValidationError(channelArguments.isEmpty ? "Missing expected argument '<channel>'"
                                  : "one channel at a time, got: \(channelArguments.joined(separator: " "))")
        }
        do {
            _ = try ChannelRef(parsing: text)
        } catch {
            throw ValidationError("channel: \(error)")
        }
    }

    func run() async throws {
        let context = try AppContext.load(options, command: "backfill")
        let job = try makeJob()
        let account = try AccountPass.account(named: account, context: context)
        let status = try await AccountPass.run(context: context, account: account, holder: "tgcron backfill",
                                               wait: wait) { runtime, stop in
            let hooks = try runtime.hooks()
            let scheduler = try runtime.scheduler(for: [job], hooks: hooks, waitForTokens: wait)
            let status = await scheduler.run([job], stop: stop, jitter: false).exitCode
            await hooks.close()
            return status
        }
        guard status == .success else { throw ExitCode(status.rawValue) }
    }

    /// The one-off job the flags describe.
    private func makeJob() throws -> Job {
        let reference: ChannelRef
        do {
            reference = try ChannelRef(parsing: channelArguments.first ?? "")
        } catch {
            throw ValidationError("channel: \(error)")
        }
        guard let zone = TimeZone(identifier: timezone) else { throw CLIFailure("--timezone: unknown time zone '\(timezone)'") }
        if let limit, limit < 1 { throw CLIFailure("--limit must be at least 1") }
        let window = MessageWindow(since: try bound(since, flag: "--since"), until: try bound(until, flag: "--until"))
        let schedule: CronSchedule
        do {
            schedule = try CronSchedule.parse("@yearly")
        } catch {
            throw CLIFailure("internal: \(error)")
        }
        return Job(name: "backfill:\(reference)", channel: reference, schedule: schedule, timeZone: zone, window: window,
                   limits: Limits(messages: limit), media: try mediaRule(), comments: comments,
                   location: SourceLocation(file: "<command line>", line: 1, column: 1))
    }

    /// The `--media` and `--max-size` flags as a job's media rule.
    private func mediaRule() throws -> MediaRule? {
        guard let media else {
            if maxSize != nil { throw CLIFailure("--max-size needs --media") }
            return nil
        }
        var types: Set<MediaType> = []
        for name in media.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            if name == "all" {
                types.formUnion(MediaType.allCases)
            } else if let type = MediaType(rawValue: name) {
                types.insert(type)
            } else {
                throw CLIFailure("--media: unknown type '\(name)' (use \(MediaType.allCases.map(\.rawValue).joined(separator: ", ")) or all)")
            }
        }
        var rule = MediaRule(types: types)
        if let maxSize {
            guard let bytes = ByteSize.parse(maxSize) else { throw CLIFailure("--max-size: '\(maxSize)' is not a size like 20MB") }
            rule.maxSize = bytes
        }
        return rule
    }

    private func bound(_ text: String?, flag: String) throws -> WindowBound? {
        guard let text else { return nil }
        do {
            return try WindowBound(parsing: text)
        } catch {
            throw CLIFailure("\(flag): \(error)")
        }
    }
}
