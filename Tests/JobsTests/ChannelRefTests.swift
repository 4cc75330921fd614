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
            ("https://t.me/+AbCdEf123", .invite("AbCdEf123")),
            ("t.me/+AbCd-Ef_123/", .invite("AbCd-Ef_123")),
            ("https://t.me/joinchat/AbCdEfGh", .invite("AbCdEfGh")),
            ("telegram.me/JoinChat/AbCdEfGh", .invite("AbCdEfGh")),
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
            ("https://t.me/+", .invalidInviteLink("https://t.me/+")),
            ("t.me/joinchat/AbCdEf", .invalidInviteLink("t.me/joinchat/AbCdEf")),
            ("https://t.me/+AbCd!Ef123", .invalidInviteLink("https://t.me/+AbCd!Ef123")),
            ("https://t.me/+AbCdEf123/extra", .invalidInviteLink("https://t.me/+AbCdEf123/extra")),
            ("https://t.me/+14155550123", .phoneNumberLink("https://t.me/+14155550123")),
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
        XCTAssertEqual(ChannelRef.invite("AbCdEf123").description, "invite link t.me/+AbCd…")
    }
}
