import Dispatch
import Foundation
import Scheduler

/// Turns SIGTERM and SIGINT into a raised `StopSignal`: the runs stop after their current page instead of
/// dying mid-request. Whatever is still busy `gracePeriod` after the signal (a call to a server that does
/// not answer, a login waiting for its code, a long flood wait) is cut short: the process exits 75, and
/// since every page commits with its checkpoint, the next run continues where this one stopped. A second
/// signal while stopping exits at once (130 or 143), for an impatient terminal.
enum TerminationSignals {
    /// How long after the first signal the process may still take to stop by itself.
    static let gracePeriod: DispatchTimeInterval = .seconds(5)
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    /// Raises `stop` on the first SIGTERM or SIGINT.
    static func install(raising stop: StopSignal, logger: @escaping @Sendable (String) -> Void) {
        let queue = DispatchQueue(label: "tgcron.termination")
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                if stop.isRaised { exit(128 + number) }
                logger("signal \(number) received: stopping after the current page (at most 5 s; what is committed stays)")
                stop.raise()
                queue.asyncAfter(deadline: .now() + gracePeriod) {
                    logger("still busy 5 s after signal \(number): exiting 75; the next run continues from the last commit")
                    exit(ExitStatus.deferred.rawValue)
                }
            }
            source.resume()
            return source
        }
    }
}
