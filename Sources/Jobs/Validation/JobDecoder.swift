import Foundation
import Yams

/// Decodes one job entry, with its file's defaults already merged in, into a `Job`, reporting
/// every problem; and checks a `defaults:` block on its own.
struct JobDecoder {
    /// The keys a job entry may have.
    static let keys = ["name", "channel", "schedule", "timezone", "window", "run_window", "limits", "warmup",
                       "refresh", "takeout", "enabled", "jitter", "media", "comments", "account"]
    /// The keys only a job entry may set, never `defaults:`.
    static let ownKeys = ["name", "channel"]
    /// The keys every job must end up with, from its entry or the defaults.
    static let requiredKeys = ["name", "channel", "schedule"]

    let reader: NodeReader

    /// The job, or nil if anything in it is wrong.
    func job(_ node: Node) -> Job? {
        let before = reader.issueCount
        guard let fields = Fields(node, path: "", allowed: Self.keys, reader: reader) else { return nil }
        let name = fields["name"].flatMap(name)
        for key in Self.requiredKeys where fields[key] == nil && !fields.suggested.contains(key) {
            if let keyNode = fields.keyNode(key) {
                reader.report("'\(key)' must not be empty", at: keyNode)
            } else {
                let subject = name.map { "job '\($0)'" } ?? "job"
                reader.report("\(subject) is missing required key '\(key)'", at: node)
            }
        }
        let channel = fields["channel"].flatMap(channel)
        let schedule = fields["schedule"].flatMap(schedule)
        let options = self.options(fields)
        guard reader.issueCount == before, let name, let channel, let schedule else { return nil }
        return Job(name: name, channel: channel, schedule: schedule, timeZone: options.timeZone,
                   window: options.window, runWindow: options.runWindow, limits: options.limits,
                   warmup: options.warmup, refresh: options.refresh, takeout: options.takeout,
                   enabled: options.enabled, jitter: options.jitter, media: options.media, comments: options.comments,
                   account: options.account, location: reader.location(of: node))
    }

    /// Checks a `defaults:` block: any job key but `name` and `channel`, none required.
    func checkDefaults(_ node: Node) {
        guard let fields = Fields(node, path: "", allowed: Self.keys, reader: reader) else { return }
        for key in Self.ownKeys {
            if let keyNode = fields.keyNode(key) {
                reader.report("'\(key)' cannot be set in 'defaults': each job has its own", at: keyNode)
            }
        }
        _ = fields["schedule"].flatMap(schedule)
        _ = options(fields)
    }

    /// Everything but the name, channel and schedule, with defaults for what is absent.
    private func options(_ fields: Fields) -> JobOptions {
        let timeZone = fields["timezone"].flatMap(timeZone) ?? JobOptions.defaultTimeZone
        return JobOptions(
            timeZone: timeZone,
            window: fields["window"].flatMap { window($0, timeZone: timeZone) } ?? MessageWindow(),
            runWindow: fields["run_window"].flatMap(runWindow),
            limits: fields["limits"].flatMap { reader.limits($0, path: "limits") } ?? Limits(),
            warmup: fields["warmup"].flatMap { reader.warmup($0, path: "warmup") },
            refresh: fields["refresh"].flatMap(refresh),
            takeout: fields["takeout"].flatMap { reader.boolean($0, "takeout") } ?? false,
            enabled: fields["enabled"].flatMap { reader.boolean($0, "enabled") } ?? true,
            jitter: fields["jitter"].flatMap { reader.duration($0, "jitter", allowZero: true) },
            media: fields["media"].flatMap { reader.media($0, path: "media") },
            comments: fields["comments"].flatMap { reader.boolean($0, "comments") } ?? false,
            account: fields["account"].flatMap(account)
        )
    }

    /// A job name: letters, digits, `-`, `_` and `.`, so that it is safe on a command line and in logs.
    private func name(_ node: Node) -> String? {
        guard let name = reader.string(node, "name") else { return nil }
        let allowed = name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
        guard allowed else {
            reader.report("'name' may only contain letters, digits, '-', '_' and '.', got \"\(name)\"", at: node)
            return nil
        }
        return name
    }

    /// `account: NAME`: one of the settings' `accounts:` (checked against them when both are loaded).
    private func account(_ node: Node) -> JobAccount? {
        guard let name = reader.string(node, "account") else { return nil }
        if name == AccountSettings.defaultName { return nil }
        if let problem = AccountSettings.problem(withName: name) {
            reader.report("'account' \(problem), got \"\(name)\"", at: node)
            return nil
        }
        return JobAccount(name: name, location: reader.location(of: node))
    }

    private func channel(_ node: Node) -> ChannelRef? {
        guard let text = reader.string(node, "channel") else { return nil }
        do {
            return try ChannelRef(parsing: text)
        } catch {
            reader.report("'channel': \(error)", at: node)
            return nil
        }
    }

    /// A schedule; cron errors point at the offending field inside the value.
    private func schedule(_ node: Node) -> CronSchedule? {
        guard let text = reader.string(node, "schedule") else { return nil }
        do {
            return try CronSchedule.parse(text)
        } catch {
            let singleLine = !text.contains("\n")
            let offset = singleLine ? error.offset.map { node.textOffset + $0 } ?? 0 : 0
            reader.report(error.description, at: node, offset: offset)
            return nil
        }
    }

    private func timeZone(_ node: Node) -> TimeZone? {
        guard let identifier = reader.string(node, "timezone") else { return nil }
        if let zone = TimeZone(identifier: identifier) { return zone }
        let hint = Suggestion.closest(to: identifier, among: TimeZone.knownTimeZoneIdentifiers)
            .map { "did you mean '\($0)'?" } ?? "use an IANA name such as 'Europe/Berlin' or 'UTC'"
        reader.report("unknown time zone '\(identifier)' (\(hint))", at: node)
        return nil
    }

    private func runWindow(_ node: Node) -> RunWindow? {
        guard let text = reader.string(node, "run_window") else { return nil }
        do {
            return try RunWindow(parsing: text)
        } catch {
            reader.report("'run_window': \(error)", at: node)
            return nil
        }
    }

    /// `refresh: 7d`: how far back each run re-reads messages for edits and deletions.
    private func refresh(_ node: Node) -> Duration? {
        guard case .scalar = node else {
            reader.reportType("refresh", expected: "a duration like '7d'", got: node)
            return nil
        }
        return reader.duration(node, "refresh", allowZero: true)
    }
}
