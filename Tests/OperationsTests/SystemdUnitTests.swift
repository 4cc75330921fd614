import Foundation
import XCTest

/// Checks deploy/systemd with `systemd-analyze verify`, where it exists.
///
/// `verify` refuses a unit whose ExecStart binary is missing, and /usr/local/bin/tgcron is not installed
/// where tests run, so it checks copies with ExecStart pointing at /bin/true: everything else (sections,
/// keys, values, the timer's unit) is verified as written.
final class SystemdUnitTests: XCTestCase {
    private static let analyzer = "/usr/bin/systemd-analyze"
    private static let units = ["tgcron.service", "tgcron.timer", "tgcron-daemon.service"]

    private var deployDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("deploy/systemd")
    }

    func testUnitsPassSystemdVerify() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.analyzer) else {
            throw XCTSkip("systemd-analyze is not installed")
        }
        let copies = FileManager.default.temporaryDirectory.appendingPathComponent("units-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: copies, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: copies) }
        for unit in Self.units {
            let text = try String(contentsOf: deployDirectory.appendingPathComponent(unit), encoding: .utf8)
            let runnable = text.replacingOccurrences(of: "ExecStart=/usr/local/bin/tgcron", with: "ExecStart=/bin/true")
            try runnable.write(to: copies.appendingPathComponent(unit), atomically: true, encoding: .utf8)
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.analyzer)
        process.arguments = ["verify"] + Self.units.map { copies.appendingPathComponent($0).path }
        process.currentDirectoryURL = copies
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        XCTAssertEqual(process.terminationStatus, 0, text)
        let complaints = text.split(separator: "\n").filter { line in Self.units.contains { line.contains($0) } }
        XCTAssertEqual(complaints, [], "unknown keys or bad values are only warnings for verify")
    }

    func testTheOneshotServiceTreatsDeferralsAsSuccess() throws {
        let text = try String(contentsOf: deployDirectory.appendingPathComponent("tgcron.service"), encoding: .utf8)
        for line in ["Type=oneshot", "ExecStart=/usr/local/bin/tgcron run", "SuccessExitStatus=75", "User=tgcron",
                     "ProtectSystem=strict", "NoNewPrivileges=yes"] {
            XCTAssertTrue(text.contains("\n\(line)\n"), line)
        }
    }
}
