import Foundation
import Timekeeping

/// `tgcron daemon --runner NAME`: runs the jobs of the accounts whose leases this runner holds, one task per
/// account, until stopped; then stops every account, releases its leases and forgets the runner.
///
/// Rounds of the `LeaseKeeper` run every third of the TTL on a thread of their own, beside a watchdog that
/// every `tick` asks the keeper for overdue accounts and cancels them at once, so an archive that hangs a
/// round cannot delay it.
/// An account given back (surplus) is stopped first and released after; one lost or overdue is cancelled
/// without waiting (its lease is not, or may soon not be, this runner's).
public struct RunnerLoop: Sendable {
    /// The runner's leases.
    public let keeper: LeaseKeeper
    /// The accounts with jobs, by name.
    public let accounts: [String]
    /// Runs account `name`'s jobs until its signal is raised or its task is cancelled, closing its
    /// connections before it returns.
    public let runAccount: @Sendable (_ name: String, _ stop: StopSignal) async -> Void
    /// How often overdue leases are checked (seconds).
    public var tick: Double = 0.25
    /// Hears what each round changed (logs).
    public var onChange: @Sendable (LeaseChanges) -> Void = { _ in }
    /// `tgcron run --runner`: run the accounts the first round leases once each, keep renewing their leases
    /// while they run, give back any lease taken later at once, and return when every account finished.
    public var once = false

    /// A loop keeping `accounts` with `keeper`, running each held one with `runAccount`.
    public init(keeper: LeaseKeeper, accounts: [String],
                runAccount: @escaping @Sendable (_ name: String, _ stop: StopSignal) async -> Void) {
        self.keeper = keeper
        self.accounts = accounts
        self.runAccount = runAccount
    }

    /// Runs until `stop` is raised (or, `once`, until the accounts finished); returns when every account
    /// stopped and the leases were released, with the accounts that ran.
    @discardableResult
    public func run(stop: StopSignal, clock: any ProgramClock) async -> [String] {
        let running = AccountTasks(runAccount: runAccount)
        let done = StopSignal()
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await watch(running, stop: stop, done: done, clock: clock) }
            group.addTask {
                await keep(running, stop: stop, done: done, clock: clock)
                done.raise()
            }
        }
        await running.stopAll()
        try? keeper.stop()
        return await running.started
    }

    /// The watchdog: every `tick`, cancels the accounts whose renewal is overdue.
    private func watch(_ running: AccountTasks, stop: StopSignal, done: StopSignal, clock: any ProgramClock) async {
        while !stop.isRaised, !done.isRaised {
            let overdue = keeper.overdue()
            if !overdue.isEmpty {
                onChange(LeaseChanges(lost: overdue))
                await running.cancel(overdue)
            }
            try? await clock.sleep(seconds: tick)
        }
    }

    /// The rounds: every third of the TTL, applies what the keeper changed.
    private func keep(_ running: AccountTasks, stop: StopSignal, done: StopSignal, clock: any ProgramClock) async {
        var first = true
        while !stop.isRaised {
            var changes = await roundOffThread()
            if once, !first, !changes.gained.isEmpty {
                try? keeper.release(changes.gained)
                changes.gained = []
            }
            if changes != LeaseChanges() { onChange(changes) }
            await running.cancel(changes.lost)
            for account in changes.surplus {
                await running.stop(account)
                try? keeper.release([account])
            }
            for account in changes.gained where !stop.isRaised { await running.start(account) }
            if !once {
                // An account whose jobs ended by themselves (it could not start, or its daemon gave up) goes
                // back, to be taken again by whichever runner has room, rather than held with nothing running.
                let ended = await running.takeEnded()
                if !ended.isEmpty {
                    try? keeper.release(ended)
                    onChange(LeaseChanges(surplus: ended))
                }
            }
            first = false
            let next = clock.now() + keeper.interval
            while !stop.isRaised, clock.now() < next {
                if once, await running.isIdle { return }
                try? await clock.sleep(seconds: max(min(tick, next - clock.now()), 0.001))
            }
            if once, await running.isIdle { return }
        }
    }

    /// One keeper round on a thread of its own: its storage calls block, and the watchdog must keep running.
    private func roundOffThread() async -> LeaseChanges {
        let keeper = keeper
        let wanted = accounts
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: keeper.round(wanted: wanted)) }
        }
    }
}

/// The tasks running accounts' jobs, each with its stop signal.
private actor AccountTasks {
    private let runAccount: @Sendable (String, StopSignal) async -> Void
    private var tasks: [String: (task: Task<Void, Never>, stop: StopSignal)] = [:]
    /// Every account started, in order.
    private(set) var started: [String] = []
    /// Accounts whose task has not returned yet.
    private var unfinished: Set<String> = []
    /// Accounts whose task returned without being asked to stop.
    private var ended: [String] = []

    /// Whether no account's task is running.
    var isIdle: Bool { unfinished.isEmpty }

    init(runAccount: @escaping @Sendable (String, StopSignal) async -> Void) {
        self.runAccount = runAccount
    }

    func start(_ account: String) {
        guard tasks[account] == nil else { return }
        let stop = StopSignal()
        let runAccount = runAccount
        started.append(account)
        unfinished.insert(account)
        tasks[account] = (Task {
            await runAccount(account, stop)
            self.finished(account)
        }, stop)
    }

    private func finished(_ account: String) {
        unfinished.remove(account)
        if let entry = tasks[account], !entry.stop.isRaised {
            tasks[account] = nil
            ended.append(account)
        }
    }

    /// The accounts whose task returned by itself since the last call; they are no longer running.
    func takeEnded() -> [String] {
        defer { ended = [] }
        return ended
    }

    /// Asks `account` to stop after its current page and waits for it.
    func stop(_ account: String) async {
        guard let entry = tasks.removeValue(forKey: account) else { return }
        entry.stop.raise()
        await entry.task.value
    }

    /// Stops `accounts` at once: their tasks are cancelled and awaited.
    func cancel(_ accounts: [String]) async {
        for account in accounts {
            guard let entry = tasks.removeValue(forKey: account) else { continue }
            entry.stop.raise()
            entry.task.cancel()
            await entry.task.value
        }
    }

    func stopAll() async {
        for account in tasks.keys.sorted() { await stop(account) }
    }
}
