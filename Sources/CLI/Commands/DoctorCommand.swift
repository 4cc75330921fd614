import ArgumentParser
import Archive
import Client
import Foundation
import Jobs
import Scheduler
import TL

/// `tgcron doctor`: checks everything a run depends on, one `ok`/`warn`/`fail` line each, and exits 1 if
/// anything failed. It creates no file: without an archive it stops before the network.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check settings, .env, session, server, clock, lock, disk and archive; exit 1 if anything fails.",
        discussion: """
            Each line is ok, warn or fail. The server check calls help.getConfig (round-trip time, and the clock \
            skew against the server's date) and users.getUsers for the session; it is skipped while another \
            tgcron holds the account lock.
            """)

    @OptionGroup var options: ConfigOptions

    /// The longest the network checks may take.
    private static let networkDeadline: Duration = .seconds(20)

    func run() async throws {
        var report = DoctorReport()
        let environment = ProcessInfo.processInfo.environment
        let locations = options.locations(environment: environment)
        if let path = locations.settings {
            let issues = SettingsFile.read(path: path).issues
            report.add(issues.isEmpty ? .ok : .fail, "settings", issues.first.map(\.description) ?? path)
        } else {
            report.add(.warn, "settings", "none found (looked in \(locations.searched.joined(separator: ", "))): "
                + "every default, which means Telegram itself")
        }
        if FileManager.default.fileExists(atPath: locations.env) {
            let issues = DotEnv.read(path: locations.env).issues
            report.add(issues.isEmpty ? .ok : .fail, ".env", issues.first.map(\.description) ?? locations.env)
            if let warning = DotEnv.permissionWarning(path: locations.env) { report.add(.warn, ".env", warning) }
        } else {
            report.add(locations.envNamed ? .fail : .warn, ".env", "no file at \(locations.env): secrets come from the environment only")
        }
        guard !report.failed else { return try report.finish() }
        let context = try AppContext.load(options, command: "doctor")
        checkDisk(context.databasePath, into: &report)
        guard FileManager.default.fileExists(atPath: context.databasePath) else {
            report.add(.fail, "archive", "no archive at \(context.databasePath): the first step is `tgcron login`")
            return try report.finish()
        }
        checkSchema(context, into: &report)
        let lock: AccountLock
        do {
            lock = try AccountLock.acquire(path: AccountLock.path(forDatabase: context.databasePath), holder: "tgcron doctor", wait: false)
        } catch AccountLockError.held(_, let holder) {
            report.add(.warn, "lock", "held by \(holder): server and session checks skipped")
            return try report.finish()
        } catch {
            report.add(.fail, "lock", error.description)
            return try report.finish()
        }
        report.add(.ok, "lock", "free")
        defer { lock.release() }
        let runtime = try await AccountRuntime.open(context, credentials: AccountRuntime.credentials(context))
        if let (reason, since) = try? runtime.store.loginNeeded(session: runtime.sessionStore.name) {
            // A retired key or a refused account: dialling would only be refused again.
            report.add(.fail, "session", "needs a new login since \(ISO8601DateFormatter().string(from: since)): \(reason); run `tgcron login`")
            await runtime.close()
            return try report.finish()
        }
        await checkServer(runtime, into: &report)
        await runtime.close()
        try report.finish()
    }

    private func checkDisk(_ databasePath: String, into report: inout DoctorReport) {
        let folder = (databasePath as NSString).deletingLastPathComponent
        var stats = statvfs()
        guard statvfs(folder.isEmpty ? "." : folder, &stats) == 0 else {
            report.add(.warn, "disk", "cannot read the free space of \(folder.isEmpty ? "." : folder)")
            return
        }
        let free = Double(stats.f_bavail) * Double(stats.f_frsize)
        let text = String(format: "%.1f GB free beside the archive", free / 1e9)
        report.add(free < 100e6 ? .fail : free < 1e9 ? .warn : .ok, "disk", text)
    }

    private func checkSchema(_ context: AppContext, into report: inout DoctorReport) {
        do {
            let store = try ArchiveStore(path: context.databasePath, readOnly: true)
            let (applied, known) = try store.schemaMigrations()
            let unknown = applied.filter { !known.contains($0) }
            if !unknown.isEmpty {
                report.add(.fail, "schema", "written by a newer tgcron (migrations \(unknown.joined(separator: ", ")))")
            } else if applied.count < known.count {
                report.add(.warn, "schema", "\(applied.last ?? "none") of \(known.last ?? "?"): the next run migrates it")
            } else {
                report.add(.ok, "schema", "\(applied.last ?? "none") (\(applied.count) migrations)")
            }
        } catch {
            report.add(.fail, "schema", "cannot read \(context.databasePath): \(error)")
        }
    }

    private func checkServer(_ runtime: AccountRuntime, into report: inout DoctorReport) async {
        let invoker = runtime.client.invoker(
            admission: UnlimitedAdmission(), audit: DiscardingAuditSink(), floodObserver: IgnoringFloodWaitObserver())
        let started = ContinuousClock.now
        do {
            let config = try await Self.withDeadline { try await invoker.invoke(Api.Help.GetConfig()) }
            let elapsed = ContinuousClock.now - started
            let milliseconds = Int(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
            report.add(.ok, "server", "DC \(config.thisDc) answered help.getConfig in \(milliseconds) ms")
            let skew = Double(config.date) - Date().timeIntervalSince1970
            let text = String(format: "%+.0f s against the server's clock", skew)
            report.add(abs(skew) >= 300 ? .fail : abs(skew) >= 30 ? .warn : .ok, "clock", text)
        } catch {
            report.add(.fail, "server", "no answer to help.getConfig: \(error)")
            return
        }
        do {
            switch try await Self.withDeadline({ try await runtime.client.authorizationState() }) {
            case .loggedIn(let user): report.add(.ok, "session", "logged in as user \(user.userID) on DC \(user.dc)")
            case .loggedOut: report.add(.fail, "session", "not logged in: run `tgcron login`")
            }
        } catch {
            report.add(.fail, "session", "\(error)")
        }
    }

    /// `body`'s result, or a timeout error after `networkDeadline`.
    private static func withDeadline<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: networkDeadline)
                throw CLIFailure("no answer within \(networkDeadline)")
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw CLIFailure("no answer") }
            return first
        }
    }
}

/// The lines `tgcron doctor` prints, and whether any failed.
struct DoctorReport {
    /// How one check went.
    enum Level: String {
        case ok, warn, fail
    }

    private(set) var failed = false

    /// Prints one check's line at once, so a slow check shows what came before it.
    mutating func add(_ level: Level, _ subject: String, _ text: String) {
        if level == .fail { failed = true }
        print("\(level.rawValue.padding(toLength: 5, withPad: " ", startingAt: 0))\(subject): \(text)")
    }

    /// Exits 1 if any check failed.
    func finish() throws {
        if failed { throw ExitCode(1) }
    }
}
