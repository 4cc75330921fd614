import Client
import XCTest

final class PeerReferenceTests: XCTestCase {
    func testUsernamesAndLinksAllNameTheSameChannel() throws {
        for text in ["@sandbox_news", "sandbox_news", "t.me/sandbox_news", "https://t.me/sandbox_news",
                     "https://t.me/s/sandbox_news", "https://t.me/sandbox_news/42", "http://telegram.me/sandbox_news?x=1"] {
            XCTAssertEqual(try PeerReference(parsing: text), .username("sandbox_news"), text)
        }
    }

    func testBotAPIAndBareIdsAreChannelIds() throws {
        XCTAssertEqual(try PeerReference(parsing: "-1001234567890"), .channelID(1_234_567_890))
        XCTAssertEqual(try PeerReference(parsing: "1234567890"), .channelID(1_234_567_890))
    }

    func testMalformedReferencesAreRefused() {
        for text in ["", "@abc", "1abcdef", "t.me/+AbCdEf123", "https://t.me/", "-42", "name with space", "a/b/c"] {
            XCTAssertThrowsError(try PeerReference(parsing: text), text) { error in
                XCTAssertEqual(error as? ClientError, .invalidPeerReference(text))
            }
        }
    }
}
