import ArgumentParser
import Dispatch
import Foundation
import Sandbox

/// `tgcron sandbox serve`: runs DC 1, 2 and 3 on 127.0.0.1 until SIGINT or SIGTERM.
struct SandboxServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the sandbox DCs on 127.0.0.1 until interrupted.",
        discussion: """
            Prints `dc N 127.0.0.1:PORT` for each DC, then the RSA public key (PKCS#1 PEM). The key is \
            created in the data directory on the first start and reused later; sandbox.json there \
            describes the running server. Login codes are logged to stderr.
            """
    )

    @OptionGroup var world: SandboxWorldOptions

    @Option(name: .long, help: "Port of DC 1; DC 2 and DC 3 listen on the next two (0: free ports for all).")
    var port: Int = 0

    @Option(name: .long, help: "Flood budgets: on (Telegram-like) or off.")
    var flood: FloodSwitch = .on

    @Option(name: .long, help: "The simulated moment at start, ISO 8601 (default: now).")
    var origin: String?

    @Option(name: .long, help: "Simulated seconds per real second (0 freezes the clock).")
    var speed: Double = 1

    @Option(name: .long, help: ArgumentHelp("Injected faults, e.g. drop_p=0.05,salt=10s: " + SandboxFaults.syntax + "."))
    var faults: String = ""

    @Option(name: .long, help: ArgumentHelp(
        "Append the session log here: a JSON line each time a connection is first used by a logged-in account and when it closes.",
        valueName: "path"))
    var sessionLog: String?

    func run() async throws {
        let (spec, file) = try world.spec()
        guard (0...65_533).contains(port) else { throw CLIFailure("--port must be between 0 and 65533") }
        guard speed >= 0 else { throw CLIFailure("--speed must not be negative") }
        var options = SandboxServerOptions(
            dataDirectory: world.dataDirectory, ports: [1: port, 2: port == 0 ? 0 : port + 1, 3: port == 0 ? 0 : port + 2], world: spec,
            worldFile: file, flood: flood.policy, origin: try origin.map(SandboxDate.parse), speed: speed,
            faults: try parsedFaults(), log: { line in FileHandle.standardError.write(Data("\(line)\n".utf8)) })
        options.sessionLogPath = sessionLog
        let server: SandboxServer
        do {
            server = try await SandboxServer.start(options)
        } catch {
            throw CLIFailure(error.description)
        }
        let manifest = server.manifest
        var banner = manifest.dcs.keys.sorted().map { "dc \($0) \(manifest.host):\(manifest.dcs[$0] ?? 0)\n" }.joined()
        banner += manifest.publicKeyPEM.hasSuffix("\n") ? manifest.publicKeyPEM : manifest.publicKeyPEM + "\n"
        // Written unbuffered, so a parent reading a pipe sees the ports while the server runs.
        FileHandle.standardOutput.write(Data(banner.utf8))
        await SignalWaiter.waitForTermination()
        await server.shutdown()
    }

    private func parsedFaults() throws -> SandboxFaults {
        do {
            return try SandboxFaults(parsing: faults)
        } catch {
            throw CLIFailure(error.description)
        }
    }
}

/// `--flood on|off`.
enum FloodSwitch: String, ExpressibleByArgument, CaseIterable {
    case on, off

    /// The flood policy it selects.
    var policy: FloodPolicy { self == .on ? .telegramLike : .off }
}
