@testable import MTProtoNIO
import XCTest

/// The SOCKS5 client steps against the bytes RFC 1928 and RFC 1929 define, fed in pieces as TCP may deliver them.
final class SOCKS5HandshakeTests: XCTestCase {
    func testUsernamePasswordThenConnectByNameThenLeftoverBytes() throws {
        var handshake = SOCKS5Handshake(host: "dc", port: 443, credentials: SOCKS5Credentials(username: "u", password: "pw"))
        XCTAssertEqual(handshake.greeting(), [5, 2, 0, 2])
        XCTAssertEqual(try handshake.feed([5]).send, [])
        XCTAssertEqual(try handshake.feed([2]).send, [1, 1, UInt8(ascii: "u"), 2, UInt8(ascii: "p"), UInt8(ascii: "w")])
        XCTAssertEqual(try handshake.feed([1, 0]).send, [5, 1, 0, 3, 2, UInt8(ascii: "d"), UInt8(ascii: "c"), 1, 187])
        XCTAssertFalse(handshake.isDone)
        let last = try handshake.feed([5, 0, 0, 1, 127, 0, 0, 1, 1, 187, 42])
        XCTAssertTrue(handshake.isDone)
        XCTAssertEqual(last.leftover, [42])
    }

    func testRefusalsAreTypedErrors() {
        var rejected = SOCKS5Handshake(host: "dc", port: 1, credentials: SOCKS5Credentials(username: "u", password: "p"))
        XCTAssertNoThrow(try rejected.feed([5, 2]))
        XCTAssertThrowsError(try rejected.feed([1, 1])) { XCTAssertEqual($0 as? SOCKS5Handshake.Failure, .authenticationRejected) }
        var none = SOCKS5Handshake(host: "dc", port: 1, credentials: nil)
        XCTAssertThrowsError(try none.feed([5, 0xff])) { XCTAssertEqual($0 as? SOCKS5Handshake.Failure, .noAcceptableMethod) }
        var refused = SOCKS5Handshake(host: "dc", port: 1, credentials: nil)
        XCTAssertNoThrow(try refused.feed([5, 0]))
        XCTAssertThrowsError(try refused.feed([5, 5, 0, 1, 0])) { XCTAssertEqual($0 as? SOCKS5Handshake.Failure, .connectRefused(reply: 5)) }
    }
}
