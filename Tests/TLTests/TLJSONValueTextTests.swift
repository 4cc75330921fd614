import Foundation
import XCTest
@testable import TL

/// `TLJSONValue.text`: exact compact and pretty layouts, and strings that any JSON parser reads back as they were.
final class TLJSONValueTextTests: XCTestCase {
    private let value = TLJSONValue.object([
        ("_", .string("message")), ("id", .integer(-7)), ("ok", .bool(true)), ("none", .null), ("ratio", .double(0.5)),
        ("list", .array([.integer(1), .array([]), .object([])])),
    ])

    func testCompactAndPrettyLayouts() {
        XCTAssertEqual(value.text(pretty: false),
                       #"{"_":"message","id":-7,"ok":true,"none":null,"ratio":0.5,"list":[1,[],{}]}"#)
        XCTAssertEqual(value.text(), """
            {
              "_": "message",
              "id": -7,
              "ok": true,
              "none": null,
              "ratio": 0.5,
              "list": [
                1,
                [],
                {}
              ]
            }
            """)
    }

    func testEveryStringReadsBackAsItWas() throws {
        let strings = ["", "plain", "quote \" and \\ backslash", "lines\nand\r\ttabs", "\u{0}\u{1}\u{1f}\u{7f}",
                       "новости 🌍 e\u{301}", "\"", "\\", "end\\", "\u{1b}[31mred"]
        for string in strings {
            let text = TLJSONValue.array([.string(string)]).text(pretty: false)
            let parsed = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String])
            XCTAssertEqual(parsed, [string], text)
        }
        XCTAssertEqual(TLJSONValue.string("a\u{1}b\"c\\d\ne").text(pretty: false), #""a\u0001b\"c\\d\ne""#)
    }
}
