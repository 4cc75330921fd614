import ArgumentParser
import Foundation
import Scheduler

/// One command's work on the account: takes the account lock (exit 75 naming the holder if it is taken,
/// unless waiting), opens the runtime, installs the stop signals, runs `body` and closes everything.
enum AccountPass {
    static func run(
        context: AppContext, holder: String, wait: Bool,
        _ body: (AccountRuntime, StopSignal) async throws -> ExitStatus
    ) async throws -> ExitStatus {
        let lock: AccountLock
        do {
            lock = try AccountLock.acquire(path: AccountLock.path(forDatabase: context.databasePath), holder: holder, wait: wait)
        } catch AccountLockError.held(let path, let holderText) {
            context.logger.warning("the account is busy: \(holderText) holds \(path); exiting 75 (use --wait to wait)")
            return .deferred
        } catch {
            throw CLIFailure(error.description)
        }
        defer { lock.release() }
        let stop = StopSignal()
        let logger = context.logger
        TerminationSignals.install(raising: stop) { logger.notice("\($0)") }
        let runtime = try await AccountRuntime.open(context)
        do {
            let status = try await body(runtime, stop)
            await runtime.close()
            return status
        } catch {
            await runtime.close()
            throw error
        }
    }
}
