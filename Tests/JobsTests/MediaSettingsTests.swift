import XCTest
@testable import Jobs

/// The `media:` settings block, the warm-up's daily byte budget, and a job's `media:` rule with defaults.
final class MediaSettingsTests: XCTestCase {
    func testMediaSettingsAndTheDailyByteBudgetAreRead() throws {
        let settings = try SettingsFile.parse(SourceText(file: "settings.yaml", text: """
            telegram_client:
              warmup:
                day1: 100
                media_day1: 50MB
                media_cap: 2GB
            media:
              root: /srv/media
              parallel: 8
              max_rate: 1.5MB
            """)).get()
        XCTAssertEqual(settings.media, MediaSettings(root: "/srv/media", parallel: 8, maxRate: 1_572_864))
        XCTAssertEqual(settings.telegramClient.warmup?.mediaDay1, 50 << 20)
        XCTAssertEqual(settings.telegramClient.warmup?.mediaCap, 2 << 30)
        XCTAssertEqual(Settings().media, MediaSettings(root: nil, parallel: 4, maxRate: nil))
    }

    func testBadMediaSettingsAreNamedWithTheirPlace() {
        let report = SettingsFile.parse(SourceText(file: "settings.yaml", text: """
            media:
              parallel: 0
              max_rate: 0
              rooot: x
            """))
        XCTAssertEqual(report.issues.map(\.description), [
            "settings.yaml:2:13: 'media.parallel' must be greater than 0, got 0",
            "settings.yaml:3:13: 'media.max_rate' must be greater than 0 bytes per second (leave it out for no cap)",
            "settings.yaml:4:3: unknown key 'rooot' in 'media' (did you mean 'root'?)",
        ].sorted())
    }

    func testAJobByteBudgetIsRefusedAndAMediaDefaultMergesKeyByKey() throws {
        let bad = JobFiles.parse([SourceText(file: "jobs.yaml", text: """
            jobs:
              - name: a
                channel: "@sandbox_media"
                schedule: "@daily"
                warmup: { day1: 10, media_day1: 1MB }
            """)])
        XCTAssertEqual(bad.issues.map(\.description), [
            "jobs.yaml:5:25: unknown key 'media_day1' in 'warmup'",
        ])
        let jobs = try JobFiles.parse([SourceText(file: "jobs.yaml", text: """
            defaults:
              media: { types: [photo, document], max_size: 20MB }
            jobs:
              - name: a
                channel: "@sandbox_media"
                schedule: "@daily"
                media: { min_size: 4KB, mime: ["image/*"] }
              - name: b
                channel: "@sandbox_news"
                schedule: "@daily"
                media: { types: all }
            """)]).get()
        XCTAssertEqual(jobs[0].media, MediaRule(types: [.photo, .document], minSize: 4_096, maxSize: 20 << 20, mime: ["image/*"]))
        XCTAssertEqual(jobs[1].media?.types, Set(MediaType.allCases))
        XCTAssertEqual(ByteSize.parse("512KiB"), 524_288)
        XCTAssertNil(ByteSize.parse("12 parsecs"))
    }
}
