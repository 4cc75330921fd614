import XCTest
@testable import Jobs

final class ChannelRefTests: XCTestCase {
    func testEveryDocumentedSpellingNormalizes() throws {
        let expectations: [(String, ChannelRef)] = [
            ("@Sandbox_News", .username("sandbox_news")),
            ("t.me/sandbox_news", .username("sandbox_news")),
            ("https://t.me/sandbox_news", .username("sandbox_news")),
            ("https://t.me/s/sandbox_news", .username("sandbox_news")),
            ("http://t.me/sandbox_news/", .username("sandbox_news")),
            ("HTTPS://telegram.me/sandbox_news", .username("sandbox_news")),
            ("-1001234567890", .id(1_234_567_890)),
            ("1234567890", .id(1_234_567_890)),
            (" @news_daily ", .username("news_daily")),
        ]
        for (text, expected) in expectations {
            XCTAssertEqual(try ChannelRef(parsing: text), expected, text)
        }
    }

    func testRejectionsExplainWhatToWriteInstead() {
        let expectations: [(String, ChannelRefError)] = [
            ("", .empty),
            ("sandbox_news", .missingAt("sandbox_news")),
            ("@abc", .invalidUsername("@abc")),
            ("@1news", .invalidUsername("@1news")),
            ("@news_", .invalidUsername("@news_")),
            ("@новости", .invalidUsername("@новости")),
            ("https://t.me/+AbCdEf123", .inviteLink("https://t.me/+AbCdEf123")),
            ("t.me/joinchat/AbCdEf", .inviteLink("t.me/joinchat/AbCdEf")),
            ("https://t.me/sandbox_news/123", .unsupportedLink("https://t.me/sandbox_news/123")),
            ("-123456", .notAChannelID("-123456")),
            ("0", .unrecognized("0")),
            ("12ab", .unrecognized("12ab")),
            ("news daily", .unrecognized("news daily")),
        ]
        for (text, expected) in expectations {
            XCTAssertThrowsError(try ChannelRef(parsing: text), text) { error in
                XCTAssertEqual(error as? ChannelRefError, expected, text)
            }
        }
    }

    func testDescriptionIsHowAPersonWritesIt() {
        XCTAssertEqual(ChannelRef.username("news").description, "@news")
        XCTAssertEqual(ChannelRef.id(42).description, "42")
    }
}
