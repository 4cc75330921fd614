import Dispatch
import Foundation
import Scheduler

/// Turns SIGTERM and SIGINT into a raised `StopSignal`: the runs stop after their current page instead of
/// dying mid-request. A second signal while stopping exits at once (130 or 143), for an impatient terminal.
enum TerminationSignals {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    /// Raises `stop` on the first SIGTERM or SIGINT.
    static func install(raising stop: StopSignal, logger: @escaping @Sendable (String) -> Void) {
        let queue = DispatchQueue(label: "tgcron.termination")
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                if stop.isRaised { exit(128 + number) }
                logger("signal \(number) received: stopping after the current page")
                stop.raise()
            }
            source.resume()
            return source
        }
    }
}
