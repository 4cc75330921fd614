import NIOCore
import XCTest
@testable import RedisSink

final class RESPParserTests: XCTestCase {
    private func parseAll(_ text: String) throws -> [RESPValue] {
        var buffer = ByteBuffer(string: text)
        var values: [RESPValue] = []
        while let value = try RESPParser.parse(&buffer) { values.append(value) }
        XCTAssertEqual(buffer.readableBytes, 0, "everything consumed")
        return values
    }

    func testEveryReplyTypeIsParsed() throws {
        XCTAssertEqual(try parseAll("+OK\r\n-ERR wrong\r\n:42\r\n$5\r\nhe\r\no\r\n$-1\r\n*-1\r\n*2\r\n:1\r\n*1\r\n$0\r\n\r\n"), [
            .simpleString("OK"), .error("ERR wrong"), .integer(42), .bulkString(Array("he\r\no".utf8)), .bulkString(nil),
            .array(nil), .array([.integer(1), .array([.bulkString([])])]),
        ])
    }

    func testAnIncompleteReplyConsumesNothingUntilItCompletes() throws {
        let whole = "*2\r\n$3\r\nfoo\r\n:7\r\n"
        for cut in 1..<whole.utf8.count {
            var buffer = ByteBuffer(bytes: Array(whole.utf8.prefix(cut)))
            XCTAssertNil(try RESPParser.parse(&buffer), "cut at \(cut)")
            XCTAssertEqual(buffer.readableBytes, cut)
        }
        XCTAssertEqual(try parseAll(whole), [.array([.bulkString(Array("foo".utf8)), .integer(7)])])
    }

    func testMalformedRepliesAreProtocolViolations() {
        for bad in ["?x\r\n", ":abc\r\n", "$-5\r\n", "$3\r\nabcde\r\n"] {
            var buffer = ByteBuffer(string: bad)
            XCTAssertThrowsError(try RESPParser.parse(&buffer), bad) { error in
                guard case .protocolViolation = error as? RedisError else { return XCTFail("\(error)") }
            }
        }
    }

    func testCommandsAreEncodedAsArraysOfBulkStrings() {
        var buffer = ByteBuffer()
        RESPEncoder.encode(RedisCommand("SET", ["k", "é"]), into: &buffer)
        XCTAssertEqual(String(buffer: buffer), "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$2\r\né\r\n")
    }
}
