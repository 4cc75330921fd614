import XCTest
@testable import Jobs

final class OperationsSettingsTests: XCTestCase {
    private func parse(_ text: String) -> ValidationReport<Settings> {
        SettingsFile.parse(SourceText(file: "settings.yaml", text: text))
    }

    func testOperationsBlocksAreOffUnlessPresent() throws {
        let settings = try parse("log:\n  level: info\n").get()
        XCTAssertNil(settings.notifications)
        XCTAssertNil(settings.redis)
        XCTAssertNil(settings.metrics)
    }

    func testEveryOperationsKeyIsRead() throws {
        let settings = try parse("""
            notifications:
              bot_chat_id: -1001234567890
              bot_api_url: http://127.0.0.1:8081
              webhook_url: https://hooks.example.org/tgcron
              deferrals_threshold: 5
              flood_wait_threshold: 15m
              min_interval: 30m
            redis:
              url: redis://10.0.0.2:6380/3
              stream_prefix: archive
              single_stream: true
              maxlen: 5000
            metrics:
              textfile: /var/lib/node_exporter/tgcron.prom
              listen: 127.0.0.1:9464
            """).get()
        XCTAssertEqual(settings.notifications, NotificationSettings(
            botChatID: "-1001234567890", botAPIURL: "http://127.0.0.1:8081",
            webhookURL: "https://hooks.example.org/tgcron", deferralsThreshold: 5,
            floodWaitThreshold: .seconds(900), minInterval: .seconds(1800)))
        XCTAssertEqual(settings.redis, RedisSettings(host: "10.0.0.2", port: 6380, database: 3, streamPrefix: "archive",
                                                     singleStream: true, maxLength: 5000))
        XCTAssertEqual(settings.metrics, MetricsSettings(textfile: "/var/lib/node_exporter/tgcron.prom",
                                                         listen: ServerAddress(host: "127.0.0.1", port: 9464)))
    }

    func testDefaultsFillMissingOperationsKeys() throws {
        let settings = try parse("notifications:\n  webhook_url: http://127.0.0.1:9000/hook\nredis: {}\n").get()
        XCTAssertEqual(settings.notifications, NotificationSettings(webhookURL: "http://127.0.0.1:9000/hook"))
        XCTAssertEqual(settings.redis, RedisSettings())
    }

    func testOperationsProblemsAreReportedWithTheirPosition() {
        let report = parse("""
            notifications:
              bot_chat: "12"
              webhook_url: ftp://example.org
              deferrals_threshold: 0
            redis:
              url: redis://user:hunter2@127.0.0.1:6379/0
              maxlen: lots
            metrics:
              listen: localhost
            """)
        XCTAssertEqual(report.issues.map(\.description), [
            "settings.yaml:2:3: unknown key 'bot_chat' in 'notifications' (did you mean 'bot_chat_id'?)",
            "settings.yaml:3:16: 'notifications.webhook_url' must be an http:// or https:// URL with a host, got \"ftp://example.org\"",
            "settings.yaml:4:24: 'notifications.deferrals_threshold' must be greater than 0, got 0",
            "settings.yaml:6:8: 'redis.url' must not hold credentials; put the password in TGCRON_REDIS_PASSWORD",
            "settings.yaml:7:11: 'redis.maxlen' must be an integer, got string \"lots\"",
            "settings.yaml:9:11: 'metrics.listen' must be host:port with a port from 1 to 65535, got \"localhost\"",
        ])
        XCTAssertFalse(report.issues.contains { $0.message.contains("hunter2") }, "secrets stay out of issues")
    }

    func testNotificationsNeedADestination() {
        XCTAssertEqual(parse("notifications:\n  min_interval: 1h\n").issues.map(\.description),
                       ["settings.yaml:2:3: 'notifications' needs 'bot_chat_id' or 'webhook_url'"])
    }
}
