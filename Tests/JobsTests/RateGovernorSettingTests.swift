import Jobs
import XCTest

/// `telegram_client.rate_governor`: on by default, and off only for a server one runs.
final class RateGovernorSettingTests: XCTestCase {
    func testTheGovernorIsOnUnlessTurnedOff() {
        XCTAssertTrue(SettingsFile.parse(SourceText(file: "s.yaml", text: "telegram_client: {}\n")).value.telegramClient.rateGovernor)
        let off = SettingsFile.parse(SourceText(file: "s.yaml", text: """
            telegram_client:
              server: 127.0.0.1:4430
              rate_governor: false
            """))
        XCTAssertEqual(off.issues, [])
        XCTAssertFalse(off.value.telegramClient.rateGovernor)
    }

    func testTurningItOffAgainstTelegramIsRefusedWithItsPosition() {
        let report = SettingsFile.parse(SourceText(file: "s.yaml", text: """
            telegram_client:
              rate_governor: false
            """))
        XCTAssertEqual(report.issues.map(\.description), [
            "s.yaml:2:18: 'telegram_client.rate_governor: false' is only allowed with 'telegram_client.server' "
                + "or 'telegram_client.sandbox' (a server you run): never against Telegram",
        ])
    }
}
