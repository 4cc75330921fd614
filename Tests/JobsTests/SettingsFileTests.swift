import XCTest
@testable import Jobs

final class SettingsFileTests: XCTestCase {
    private func parse(_ text: String) -> ValidationReport<Settings> {
        SettingsFile.parse(SourceText(file: "settings.yaml", text: text))
    }

    func testAnEmptyFileMeansEveryDefault() throws {
        let settings = try parse("# nothing set\n").get()
        XCTAssertEqual(settings, Settings())
        XCTAssertEqual(settings.telegramClient.floodWaitMax, .seconds(300))
        XCTAssertEqual(settings.log, LogSettings(format: .auto, level: .info))
    }

    func testASandboxFolderATransportAndZeroDelaysAreRead() throws {
        let settings = try parse("""
            telegram_client:
              sandbox: /tmp/sbx
              transport: Intermediate
              human_delay_min: 0s
              human_delay_max: 0s
              rate_governor: false
            """).get()
        XCTAssertEqual(settings.telegramClient.sandbox, "/tmp/sbx")
        XCTAssertEqual(settings.telegramClient.transport, .intermediate)
        XCTAssertEqual(settings.telegramClient.humanDelayMax, .zero)
        XCTAssertFalse(settings.telegramClient.rateGovernor)
        XCTAssertEqual(Settings().telegramClient.transport, .obfuscatedPaddedIntermediate)
    }

    func testASandboxFolderExcludesAServerAndAnUnknownTransportIsNamed() {
        let report = parse("""
            telegram_client:
              sandbox: /tmp/sbx
              server: 127.0.0.1:4430
              transport: udp
            """)
        XCTAssertEqual(report.issues.map(\.description), [
            "settings.yaml:3:11: 'telegram_client.sandbox' gives the server and its key: leave out 'server' and 'public_keys'",
            "settings.yaml:4:14: 'telegram_client.transport' cannot be 'udp' (use obfuscated-padded-intermediate, "
                + "obfuscated-intermediate, obfuscated-abridged, padded-intermediate, intermediate, abridged, full)",
        ])
    }

    func testEveryKeyIsRead() throws {
        let settings = try parse("""
            telegram_client:
              api_id: 12345
              human_delay_min: 1.5s
              human_delay_max: 4s
              flood_wait_max: 10m
              connection_check_interval: 30s
              server: "[::1]:4430"
              dc: 2
              public_keys: [keys/a.pem, keys/b.pem]
              limits: { messages: 100, requests: 50, duration: 20m }
              warmup: { day1: 100, cap: 1000 }
            archive:
              database: /var/lib/tgcron/archive.sqlite
            log:
              format: JSON
              level: debug
            """).get()
        let client = settings.telegramClient
        XCTAssertEqual(client.apiID, 12345)
        XCTAssertEqual(client.humanDelayMin, .milliseconds(1500))
        XCTAssertEqual(client.humanDelayMax, .seconds(4))
        XCTAssertEqual(client.floodWaitMax, .seconds(600))
        XCTAssertEqual(client.connectionCheckInterval, .seconds(30))
        XCTAssertEqual(client.server, ServerAddress(host: "::1", port: 4430))
        XCTAssertEqual(client.dc, 2)
        XCTAssertEqual(client.publicKeys, ["keys/a.pem", "keys/b.pem"])
        XCTAssertEqual(client.limits, Limits(messages: 100, requests: 50, duration: .seconds(1200)))
        XCTAssertEqual(client.warmup, Warmup(day1: 100, growth: 1.5, cap: 1000))
        XCTAssertEqual(settings.archive.database, "/var/lib/tgcron/archive.sqlite")
        XCTAssertEqual(settings.log, LogSettings(format: .json, level: .debug))
    }

    func testEveryProblemIsReportedWithItsPosition() {
        let report = parse("""
            telegram_client:
              api_id: twelve
              human_delay_min: 5s
              human_delay_max: 2s
              flood_wait: 300s
              server: localhost
              public_keys: keys/a.pem
              warmup: { growth: 0.9 }
            archive:
              databse: x.sqlite
            log:
              level: verbose
              format: jsn
            """)
        XCTAssertEqual(report.issues.map(\.description), [
            "settings.yaml:2:11: 'telegram_client.api_id' must be an integer, got string \"twelve\"",
            "settings.yaml:4:20: 'telegram_client.human_delay_max' must not be shorter than 'telegram_client.human_delay_min'",
            "settings.yaml:5:3: unknown key 'flood_wait' in 'telegram_client' (did you mean 'flood_wait_max'?)",
            "settings.yaml:6:11: 'telegram_client.server' must be host:port with a port from 1 to 65535, got \"localhost\"",
            "settings.yaml:7:16: 'telegram_client.public_keys' must be a list, got string \"keys/a.pem\"",
            "settings.yaml:8:11: 'telegram_client.warmup' is missing required key 'day1'",
            "settings.yaml:8:21: 'telegram_client.warmup.growth' must be at least 1, got 0.9",
            "settings.yaml:10:3: unknown key 'databse' in 'archive' (did you mean 'database'?)",
            "settings.yaml:12:10: 'log.level' cannot be 'verbose' (use trace, debug, info, notice, warning, error, critical)",
            "settings.yaml:13:11: 'log.format' cannot be 'jsn' (did you mean 'json'?)",
        ])
        XCTAssertThrowsError(try report.get())
    }

    func testOutOfRangeAPIIDAndNonMappingFilesAreIssues() {
        XCTAssertEqual(parse("telegram_client:\n  api_id: 3000000000\n").issues.map(\.description),
                       ["settings.yaml:2:11: 'telegram_client.api_id' must be at most 2147483647, got 3000000000"])
        XCTAssertEqual(parse("- log\n").issues.map(\.description),
                       ["settings.yaml:1:1: a settings file must be a mapping with 'telegram_client', 'archive' and 'log', got a list"])
    }

    func testYAMLErrorsAreIssuesToo() {
        XCTAssertEqual(parse("log:\n\tlevel: info\n").issues.map(\.description),
                       ["settings.yaml:2:1: tabs cannot indent YAML: use spaces"])
    }

    func testAMissingFileIsAnIssue() {
        XCTAssertEqual(SettingsFile.read(path: "/nonexistent/settings.yaml").issues.map(\.message), ["cannot read the file"])
    }
}
