import ArgumentParser
import Foundation
import Jobs
import Logging

/// `--log-format` and `--log-level`, overriding the settings' `log:` block.
struct LogOptions: ParsableArguments {
    @Option(name: .long, help: "human or json (default: the settings' log.format; auto: human on a terminal, json otherwise).")
    var logFormat: LogLineFormat?

    @Option(name: .long, help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: Logger.Level?

    /// Installs the process's log handler: the flags first, then `settings`, then the terminal test.
    func bootstrap(settings: LogSettings?) {
        let terminal: LogLineFormat = isatty(STDERR_FILENO) == 1 ? .human : .json
        let configured: LogLineFormat? = switch settings?.format {
        case .human: .human
        case .json: .json
        case .auto, nil: nil
        }
        let format = logFormat ?? configured ?? terminal
        let level = logLevel ?? settings.flatMap { Logger.Level(rawValue: $0.level.rawValue) } ?? .info
        LoggingSystem.bootstrap { label in StandardErrorLogHandler(label: label, format: format, logLevel: level) }
    }
}

extension LogLineFormat: ExpressibleByArgument {}
extension Logger.Level: @retroactive ExpressibleByArgument {}
