import Foundation
import RedisSink
import XCTest

/// A real `redis-server` on a free loopback port with its data in a temporary directory, append-only with
/// fsync on every write so an entry Redis acknowledged survives a SIGKILL. Killed by pid.
final class RedisServerProcess {
    static let executable = "/usr/bin/redis-server"
    let port: Int
    let directory: URL
    private var process: Process?

    var endpoint: RedisEndpoint { RedisEndpoint(host: "127.0.0.1", port: port) }

    /// Starts a server for `test`, killed and removed when the test ends; skips if Redis is not installed.
    static func start(for test: XCTestCase) async throws -> RedisServerProcess {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw XCTSkip("\(executable) is not installed (apt-get install redis-server)")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("redis-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let server = RedisServerProcess(port: try await LoopbackPort.free(), directory: directory)
        test.addTeardownBlock {
            server.sigkill()
            try? FileManager.default.removeItem(at: directory)
        }
        try await server.launch()
        return server
    }

    private init(port: Int, directory: URL) {
        self.port = port
        self.directory = directory
    }

    /// Starts (or restarts, with the same data) the server and waits until it answers PING.
    func launch() async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = [
            "--port", String(port), "--bind", "127.0.0.1", "--dir", directory.path, "--save", "",
            "--appendonly", "yes", "--appendfsync", "always", "--daemonize", "no",
            "--logfile", directory.appendingPathComponent("redis.log").path,
        ]
        try process.run()
        self.process = process
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if let connection = try? await RedisConnection.connect(to: endpoint, connectTimeout: .milliseconds(200)) {
                let pong = try? await connection.send(RedisCommand("PING"))
                await connection.close()
                if pong == .simpleString("PONG") { return }
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        sigkill()
        XCTFail("redis-server did not start on port \(port)")
    }

    /// SIGKILLs the server by pid and waits for it to exit.
    func sigkill() {
        guard let process, process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        self.process = nil
    }
}
