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

    /// A loop keeping `accounts` with `keeper`, running each held one with `runAccount`.
    public init(keeper: LeaseKeeper, accounts: [String],
                runAccount: @escaping @Sendable (_ name: String, _ stop: StopSignal) async -> Void) {
        self.keeper = keeper
        self.accounts = accounts
        self.runAccount = runAccount
    }

    /// Runs until `stop` is raised; returns when every account stopped and the leases were released.
    public func run(stop: StopSignal, clock: any ProgramClock) async {
        let running = AccountTasks(runAccount: runAccount)
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await watch(running, stop: stop, clock: clock) }
            group.addTask { await keep(running, stop: stop, clock: clock) }
        }
        await running.stopAll()
        try? keeper.stop()
    }

    /// The watchdog: every `tick`, cancels the accounts whose renewal is overdue.
    private func watch(_ running: AccountTasks, stop: StopSignal, clock: any ProgramClock) async {
        while !stop.isRaised {
            let overdue = keeper.overdue()
            if !overdue.isEmpty {
                onChange(LeaseChanges(lost: overdue))
                await running.cancel(overdue)
            }
            try? await clock.sleep(seconds: tick)
        }
    }

    /// The rounds: every third of the TTL, applies what the keeper changed.
    private func keep(_ running: AccountTasks, stop: StopSignal, clock: any ProgramClock) async {
        while !stop.isRaised {
            let changes = await roundOffThread()
            if changes != LeaseChanges() { onChange(changes) }
            await running.cancel(changes.lost)
            for account in changes.surplus {
                await running.stop(account)
                try? keeper.release([account])
            }
            for account in changes.gained where !stop.isRaised { await running.start(account) }
            let next = clock.now() + keeper.interval
            while !stop.isRaised, clock.now() < next {
                try? await clock.sleep(seconds: max(min(tick, next - clock.now()), 0.001))
            }
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

    init(runAccount: @escaping @Sendable (String, StopSignal) async -> Void) {
        self.runAccount = runAccount
    }

    func start(_ account: String) {
        guard tasks[account] == nil else { return }
        let stop = StopSignal()
        let runAccount = runAccount
        tasks[account] = (Task { await runAccount(account, stop) }, stop)
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
